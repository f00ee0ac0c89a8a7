// Reads the recommendation table's titles from a PDF's text layer, page by page: the header row (repeated on
// each page or not) gives the columns, rules or row numbers give the rows, and a row broken across pages is joined.
import type { FormSpec } from '../types.ts';
import { MAX_PDF_PAGES } from '../limits.ts';
import { nameKey } from '../rules/normalize.ts';
import { isTotalRow } from '../rules/total-row.ts';
import type { OpenedPdf } from './open-pdf.ts';
import { findHeaderRows, lineText, textLines, type HeaderRow } from './header-row.ts';
import { onlyInvisibleText } from './invisible-text.ts';
import { pageOperators } from './page-operators.ts';
import { readTextBoxes, type TextBox } from './page-layout.ts';
import { PdfTooManyPagesError } from './pdf-errors.ts';
import { readRules } from './ruled-lines.ts';
import { scanImagesOf } from '../seal/draw-scan.ts';
import { tableColumns, type TableColumn } from './table-columns.ts';
import { joinLines, readRows, type TableRow } from './table-rows.ts';

/** `titles` is null when no table header was found in the text (a scan, searchable or not, or a table pasted as a
 *  picture). */
export interface PdfTable { pages: number; hasTextLayer: boolean; titles: string[] | null }

/** Fewer letters than this on all pages is a scan's stray text (a scanner's watermark), not a text layer. */
const MIN_LETTERS = 10;

export async function readPdfTable(pdf: OpenedPdf, form: FormSpec): Promise<PdfTable> {
  const pages = pdf.document.numPages;
  if (pages > MAX_PDF_PAGES) throw new PdfTooManyPagesError(pages);
  const notes = nameKey(form.notesMarker);
  const rows: TableRow[] = [];
  let letters = 0;
  let columns: TableColumn[] | null = null;
  let running = false; // the table goes on at the top of the next page
  let ruled = false; // the table's rows so far lie between rules
  for (let number = 1; number <= pages; number++) {
    const page = await pdf.document.getPage(number);
    // A searchable scan's OCR layer is read as no text, as the scan without it would be. A page of JPEGs and invisible
    // text is told from the PDF's own bytes; only another page with text is asked for its operators, since for a
    // scan pdf.js would decode the page's JPEG in JavaScript, which the seal check draws itself natively.
    const text = await readTextBoxes(page);
    const invisible = text.length > 0 && ((await scanImagesOf(pdf.document, page)) !== null || onlyInvisibleText(await pageOperators(page)));
    const boxes = invisible ? [] : text;
    letters += boxes.reduce((sum, box) => sum + (box.text.match(/[\p{L}\p{N}]/gu)?.length ?? 0), 0);
    const headers = findHeaderRows(boxes, form);
    if (!headers.length && !running) continue;
    const end = notesTop(boxes.filter((b) => b.top > (headers[0]?.bottom ?? -Infinity)), notes);
    let ended = end < Infinity;
    const rules = await readRules(page);
    for (const [i, part] of tableParts(headers, end).entries()) {
      const body = boxes.filter((b) => middle(b) > part.from && b.top < part.to);
      if (part.header) columns = tableColumns(part.header, rules.vertical, body);
      const horizontal = rules.horizontal.filter((r) => r.at > part.from - 1 && r.at < part.to);
      const read = readRows(body, columns!, { ...rules, horizontal });
      // A ruled table goes on ruled: unruled text on the next page (the notes under it, run onto a new page) is not it.
      if (!part.header && ruled && !read.ruled) { ended = true; break; }
      ruled = read.ruled;
      const partRows = read.rows;
      // A row split by a page break goes on, without its number, at the top of the next page.
      if (i === 0 && running && rows.length && partRows.length && !partRows[0].cells.seq) joinRow(rows.at(-1)!, partRows.shift()!);
      rows.push(...partRows);
    }
    running = !ended;
  }
  const titles = columns ? rows.filter((row) => !isTotalRow(row.cells)).map((row) => row.cells.title ?? '').filter((title) => title) : null;
  return { pages, hasTextLayer: letters >= MIN_LETTERS, titles };
}

/** The top of the first line that begins with the notes marker (填表说明), or Infinity. The marker is looked for in
 * whole lines: past 255 glyphs LibreOffice starts another subset of a font, and cuts a line whose characters lie in
 * two subsets into two text runs (`填表` `说明`). */
function notesTop(boxes: TextBox[], marker: string): number {
  const line = textLines(boxes).find((words) => nameKey(lineText(words)).startsWith(marker));
  return line ? Math.min(...line.map((b) => b.top)) : Infinity;
}

function joinRow(row: TableRow, tail: TableRow): void {
  for (const [key, text] of Object.entries(tail.cells) as [keyof TableRow['cells'], string][]) {
    row.cells[key] = joinLines(row.cells[key] ?? '', text);
  }
}

/** Each header row starts a table of its own columns, down to the next header row or `end`; on a page without one,
 * the table runs on from the page before. */
function tableParts(headers: HeaderRow[], end: number): { header: HeaderRow | null; from: number; to: number }[] {
  if (!headers.length) return [{ header: null, from: -Infinity, to: end }];
  return headers.map((header, i) => ({ header, from: header.bottom, to: Math.min(end, headers[i + 1]?.top ?? end) }));
}

const middle = (box: TextBox): number => (box.top + box.bottom) / 2;
