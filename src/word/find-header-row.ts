// Finds where a table's header sits and which column holds which field, including two-row headers under merged cells.
import type { FormSpec } from '../types.ts';
import { matchHeaderRow, matchSubHeaderRow, type ColumnMap } from './match-header.ts';
import { alignToWiderRow, type GridSlot } from './table-grid.ts';

export interface HeaderAt {
  /** Grid row of the (upper) header row. */
  row: number;
  /** First row after the header. */
  dataStart: number;
  columns: ColumnMap;
}

/** The header starting at grid row `r`, or null when that row is not the recommendation table's header. */
function headerAt(grid: GridSlot[][], r: number, form: FormSpec): HeaderAt | null {
  const upper = matchHeaderRow(grid[r], form);
  if (upper.size < form.minHeaderMatches) return null;
  const below = grid[r + 1];
  if (!below) return { row: r, dataStart: r + 1, columns: upper };
  const lower = matchSubHeaderRow(below, form);
  if (!lower) return { row: r, dataStart: r + 1, columns: upper };
  const spread = below.length > grid[r].length ? alignToWiderRow(grid[r], below) : grid[r];
  if (!spread) return { row: r, dataStart: r + 1, columns: upper };
  // The lower row names the columns under a merged upper cell (拟上线位置 -> 拟上线版块 | 拟上线栏目).
  const columns = new Map([...matchHeaderRow(spread, form)].filter(([, field]) => ![...lower.values()].includes(field)));
  for (const [index, field] of lower) columns.set(index, field);
  return { row: r, dataStart: r + 2, columns };
}

/** The first header in the table, looking at every row (titles or the 填表单位 line may sit above it). */
export function findHeader(grid: GridSlot[][], form: FormSpec): HeaderAt | null {
  for (let r = 0; r < grid.length; r++) {
    const header = headerAt(grid, r, form);
    if (header) return header;
  }
  return null;
}
