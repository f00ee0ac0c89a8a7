// Recognises the recommendation table's header cells by the form's column names and aliases, however typed.
import { nameKey } from '../rules/normalize.ts';
import type { FieldKey, FormSpec } from '../types.ts';
import type { GridSlot } from './table-grid.ts';

/** Grid column index -> the form field it holds. */
export type ColumnMap = Map<number, FieldKey>;

/** A header cell may add a few characters to a name (`资源标题（名称）`); a longer text is content, not a header. */
const MAX_EXTRA_CHARS = 8;

/** The column a header cell names: an exact name first, else the longest name the cell contains. */
function matchColumn(text: string, form: FormSpec): FieldKey | null {
  const key = nameKey(text);
  if (!key) return null;
  let best: { field: FieldKey; length: number } | null = null;
  for (const column of form.columns) {
    for (const name of [column.header, ...(column.aliases ?? [])].map(nameKey)) {
      if (name === key) return column.key;
      if (key.length <= name.length + MAX_EXTRA_CHARS && key.includes(name) && name.length > (best?.length ?? 0)) {
        best = { field: column.key, length: name.length };
      }
    }
  }
  return best?.field ?? null;
}

/** Each field at its first matching position; a row is a header row when this holds minHeaderMatches fields. */
export function matchHeaderRow(row: GridSlot[], form: FormSpec): ColumnMap {
  const map: ColumnMap = new Map();
  const seen = new Set<FieldKey>();
  row.forEach((slot, index) => {
    const field = matchColumn(slot.text, form);
    if (field && !seen.has(field)) {
      seen.add(field);
      map.set(index, field);
    }
  });
  return map;
}

export const isHeaderRow = (row: GridSlot[], form: FormSpec) => matchHeaderRow(row, form).size >= form.minHeaderMatches;

/** The lower row of a two-row header: every cell of its own names a column. Null when the row holds anything else. */
export function matchSubHeaderRow(row: GridSlot[], form: FormSpec): ColumnMap | null {
  const map: ColumnMap = new Map();
  for (const [index, slot] of row.entries()) {
    if (!slot.origin || !slot.text.trim()) continue;
    const field = matchColumn(slot.text, form);
    if (!field) return null;
    map.set(index, field);
  }
  return map.size ? map : null;
}
