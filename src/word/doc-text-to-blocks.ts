// Rebuilds paragraphs and tables from legacy .doc body text carrying the marks of doc-table-marks.ts, with the cell
// spans each row's layout gives.
import { spanDocTable } from './doc-cell-spans.ts';
import type { RowTap } from './doc-row-tap.ts';
import { CELL_END, LINE_BREAK, ROW_END } from './doc-table-marks.ts';
import { cellOf, type BlockCell, type WordBlock } from './word-blocks.ts';

interface DocTable { kind: 'table'; rows: BlockCell[][]; taps: (RowTap | null)[] }

/** `rowTaps` holds the layout of each ROW_END of the body in order; when the counts differ, no row has one. */
export function docTextToBlocks(body: string, rowTaps: (RowTap | null)[]): WordBlock[] {
  const taps = body.split(ROW_END).length - 1 === rowTaps.length ? rowTaps : [];
  const blocks: (WordBlock | DocTable)[] = [];
  let table: DocTable | null = null;
  let row: BlockCell[] = [];
  let rowEnds = 0;
  let pending = '';
  for (const ch of body) {
    if (ch === LINE_BREAK) {
      pending += '\n';
    } else if (ch === CELL_END) {
      if (!table) blocks.push((table = { kind: 'table', rows: [], taps: [] }));
      row.push(cellOf(pending));
      pending = '';
    } else if (ch === ROW_END) {
      if (!table) blocks.push((table = { kind: 'table', rows: [], taps: [] }));
      table.rows.push(row);
      table.taps.push(taps[rowEnds++] ?? null);
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
  return blocks.map((block) => 'taps' in block ? { kind: 'table', rows: spanDocTable(block.rows, block.taps) } : block);
}
