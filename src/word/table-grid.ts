// Lays a table's cells out on a grid, so a column index means the same column in every row despite merged cells.
import type { BlockCell } from './word-blocks.ts';

/** One grid position: the text of the cell covering it; `origin` when it is that cell's top-left position. */
export interface GridSlot { text: string; origin: boolean }

/** Rows of slots; a merged cell's text is repeated in every position it covers (a 版块 merged down counts per row). */
export function expandTableGrid(rows: BlockCell[][]): GridSlot[][] {
  const grid: GridSlot[][] = rows.map(() => []);
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (grid[r][c]) c++;
      for (let dr = 0; dr < cell.rowspan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) grid[r + dr][c + dc] = { text: cell.text, origin: dr === 0 && dc === 0 };
      }
      c += cell.colspan;
    }
  });
  // Ragged merges can leave holes; a hole is an empty cell.
  return grid.map((row) => Array.from(row, (slot) => slot ?? { text: '', origin: true }));
}

/**
 * Legacy .doc text carries no spans: a two-row header comes out as a short upper row over a full lower row whose
 * merged-down positions are empty. Spreads the upper row over the lower: each empty lower cell sits under one upper
 * cell, each run of filled lower cells under one merged upper cell. Null when the shapes do not fit that reading.
 */
export function alignToWiderRow(upper: GridSlot[], lower: GridSlot[]): GridSlot[] | null {
  const out: GridSlot[] = [];
  let u = 0;
  let k = 0;
  while (k < lower.length) {
    if (u >= upper.length) return null;
    if (!lower[k].text.trim()) {
      out.push(upper[u++]);
      k++;
      continue;
    }
    while (k < lower.length && lower[k].text.trim()) {
      out.push(upper[u]);
      k++;
    }
    u++;
  }
  return u === upper.length ? out : null;
}
