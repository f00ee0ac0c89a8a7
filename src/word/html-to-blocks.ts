// Turns HTML (mammoth's output for .docx, or a web page saved as .doc) into paragraphs and tables in document order.
import { Parser } from 'htmlparser2';
import { cellOf, MAX_COLSPAN, type BlockCell, type WordBlock } from './word-blocks.ts';

/** Row spans beyond this are typing accidents or hostile. */
const MAX_ROWSPAN = 1000;
const BLOCK_TAGS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'tr', 'table', 'blockquote', 'section']);
const HIDDEN_TAGS = new Set(['style', 'script', 'title', 'head', 'xml', 'template']);

interface OpenTable { block: { kind: 'table'; rows: BlockCell[][] }; row: BlockCell[] | null; cell: BlockCell | null }

const span = (value: string | undefined, max: number) => Math.min(Math.max(Number.parseInt(value ?? '1', 10) || 1, 1), max);

export function htmlToBlocks(html: string): WordBlock[] {
  const blocks: WordBlock[] = [];
  const tables: OpenTable[] = [];
  let paragraph = '';
  let hidden = 0;

  const top = () => tables.at(-1);
  const flushParagraph = () => {
    if (paragraph.trim()) blocks.push({ kind: 'text', text: paragraph });
    paragraph = '';
  };
  const append = (text: string) => {
    const cell = top()?.cell;
    if (cell) cell.text += text;
    else if (!top()) paragraph += text;
  };
  const closeRow = (t: OpenTable) => {
    if (t.cell) t.row?.push(t.cell);
    if (t.row) t.block.rows.push(t.row);
    t.cell = null;
    t.row = null;
  };

  const parser = new Parser({
    onopentag(name, attrs) {
      if (HIDDEN_TAGS.has(name)) hidden++;
      const t = top();
      if (name === 'table') {
        if (!t) flushParagraph();
        // Reserved now so that blocks keep the order in which tables start, outer before nested.
        const block = { kind: 'table' as const, rows: [] as BlockCell[][] };
        blocks.push(block);
        tables.push({ block, row: null, cell: null });
      } else if (t && name === 'tr') {
        closeRow(t);
        t.row = [];
      } else if (t && (name === 'td' || name === 'th')) {
        if (t.cell) t.row?.push(t.cell);
        t.row ??= [];
        t.cell = { ...cellOf(''), colspan: span(attrs.colspan, MAX_COLSPAN), rowspan: span(attrs.rowspan, MAX_ROWSPAN) };
      } else if (name === 'br') {
        append('\n');
      } else if (!t && BLOCK_TAGS.has(name)) {
        flushParagraph();
      }
    },
    ontext(text) {
      if (!hidden) append(text);
    },
    onclosetag(name) {
      if (HIDDEN_TAGS.has(name)) hidden = Math.max(0, hidden - 1);
      const t = top();
      if (name === 'table' && t) {
        closeRow(t);
        tables.pop();
      } else if (t && name === 'tr') {
        closeRow(t);
      } else if (t && (name === 'td' || name === 'th')) {
        if (t.cell) t.row?.push(t.cell);
        t.cell = null;
      } else if (t && BLOCK_TAGS.has(name)) {
        append('\n');
      } else if (!t && BLOCK_TAGS.has(name)) {
        flushParagraph();
      }
    },
  }, { decodeEntities: true, lowerCaseTags: true });
  parser.write(html);
  parser.end();
  while (tables.length) closeRow(tables.pop()!);
  flushParagraph();
  return blocks;
}
