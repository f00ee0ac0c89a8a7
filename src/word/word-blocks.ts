// The document shape every Word reader produces (docx, legacy .doc/.wps, HTML saved as .doc), so that finding the
// recommendation table and its header line is one piece of code whatever the file format.

/** One table cell as the file has it; spans are 1 when the format does not say (legacy .doc text). */
export interface BlockCell { text: string; colspan: number; rowspan: number }

/** Body content in document order: a paragraph's text, or a table (nested tables come after the table holding them). */
export type WordBlock =
  | { kind: 'text'; text: string }
  | { kind: 'table'; rows: BlockCell[][] };

/** Spans beyond this are typing accidents or hostile; the form has nine columns. */
export const MAX_COLSPAN = 64;

export const cellOf = (text: string): BlockCell => ({ text, colspan: 1, rowspan: 1 });
