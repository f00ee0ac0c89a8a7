// Gives a legacy .doc table's cells the spans a .docx would have, from each row's layout: a cell's column span from
// its edges on the grid of all the table's edges, and a vertical merge as one cell spanning the rows it covers, its
// continuation cells dropped, as mammoth reads a .docx; expandTableGrid then gives every covered row its text.
import type { RowTap } from './doc-row-tap.ts';
import { MAX_COLSPAN, type BlockCell } from './word-blocks.ts';

/** The row's layout when it describes the row's cells; a row without one keeps plain cells and ends merges. */
const usableTap = (cells: BlockCell[], tap: RowTap | null | undefined) =>
  tap && tap.mergedUp.length === cells.length ? tap : null;

export function spanDocTable(rows: BlockCell[][], taps: (RowTap | null)[]): BlockCell[][] {
  const rowTaps = rows.map((cells, r) => usableTap(cells, taps[r]));
  const gridEdges = [...new Set(rowTaps.flatMap((tap) => tap?.edges ?? []))].sort((a, b) => a - b);
  // A grid wider than any form is a hostile or broken layout: the table is read as plain cells.
  if (gridEdges.length - 1 > MAX_COLSPAN) return rows;
  const columnAt = new Map(gridEdges.map((edge, i) => [edge, i]));
  const column = (edge: number) => columnAt.get(edge)!;
  /** By starting column, the cell each position of the row above belongs to (the merge's first cell when merged). */
  let above = new Map<number, BlockCell>();
  return rows.map((cells, r) => {
    const tap = rowTaps[r];
    const current = new Map<number, BlockCell>();
    const kept = cells.filter((cell, i) => {
      if (!tap) return true;
      const col = column(tap.edges[i]);
      const span = column(tap.edges[i + 1]) - col;
      const start = above.get(col);
      if (tap.mergedUp[i] && start?.colspan === span) {
        start.rowspan++;
        current.set(col, start);
        return false;
      }
      cell.colspan = span;
      current.set(col, cell);
      return true;
    });
    above = current;
    return kept;
  });
}
