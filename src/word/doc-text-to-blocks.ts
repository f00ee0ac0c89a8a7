// Rebuilds paragraphs and tables from legacy .doc body text carrying the marks of doc-table-marks.ts.
import { CELL_END, LINE_BREAK, ROW_END } from './doc-table-marks.ts';
import { cellOf, type BlockCell, type WordBlock } from './word-blocks.ts';

export function docTextToBlocks(body: string): WordBlock[] {
  const blocks: WordBlock[] = [];
  let table: { kind: 'table'; rows: BlockCell[][] } | null = null;
  let row: BlockCell[] = [];
  let pending = '';
  for (const ch of body) {
    if (ch === LINE_BREAK) {
      pending += '\n';
    } else if (ch === CELL_END) {
      if (!table) blocks.push((table = { kind: 'table', rows: [] }));
      row.push(cellOf(pending));
      pending = '';
    } else if (ch === ROW_END) {
      if (!table) blocks.push((table = { kind: 'table', rows: [] }));
      table.rows.push(row);
      row = [];
    } else if (ch === '\n' && row.length === 0) {
      // A paragraph outside any table: it ends the table before it.
      if (pending.trim()) blocks.push({ kind: 'text', text: pending });
      pending = '';
      table = null;
    } else {
      pending += ch;
    }
  }
  if (table && row.length) table.rows.push(row);
  if (pending.trim()) blocks.push({ kind: 'text', text: pending });
  return blocks;
}
