// Reads the filled rows under a header: template rows with only 序号, repeated headers, a total line and the notes are
// not resources.
import { cleanCell, nameKey } from '../rules/normalize.ts';
import { isTotalRow } from '../rules/total-row.ts';
import type { FieldKey, FormRow, FormSpec } from '../types.ts';
import { isHeaderRow, matchSubHeaderRow, type ColumnMap } from './match-header.ts';
import type { GridSlot } from './table-grid.ts';

export interface CollectedRows { rows: FormRow[]; reachedNotes: boolean }

const isNotesRow = (row: GridSlot[], marker: string) => row.some((slot) => nameKey(slot.text).includes(marker));

/** A row counts when some cell of its own, other than 序号, holds text (cells merged down from above do not count). */
function isFilled(row: GridSlot[], columns: ColumnMap): boolean {
  return row.some((slot, index) => slot.origin && columns.get(index) !== 'seq' && cleanCell(slot.text) !== '');
}

export function collectFormRows(grid: GridSlot[][], start: number, columns: ColumnMap, form: FormSpec): CollectedRows {
  const marker = nameKey(form.notesMarker);
  const rows: FormRow[] = [];
  for (let r = start; r < grid.length; r++) {
    const row = grid[r];
    if (isNotesRow(row, marker)) return { rows, reachedNotes: true };
    // A header repeated after a page break (both rows of a two-row header) is not a resource.
    if (!isFilled(row, columns) || isHeaderRow(row, form) || matchSubHeaderRow(row, form)) continue;
    const cells: Partial<Record<FieldKey, string>> = {};
    for (const [index, field] of columns) cells[field] = cleanCell(row[index]?.text ?? '');
    if (!isTotalRow(cells)) rows.push({ cells });
  }
  return { rows, reachedNotes: false };
}
