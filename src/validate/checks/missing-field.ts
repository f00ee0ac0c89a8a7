// MISSING_FIELD: a filled row that leaves one of the form's required columns empty (one finding per row); a required
// column a table lacks altogether is one finding for its file, not one for every row.
import { finding } from '../../messages/catalogue.ts';
import { columnHeader } from '../../messages/form-labels.ts';
import type { ColumnSpec } from '../../types.ts';
import type { Check } from '../check.ts';
import type { TableRow } from '../submission.ts';

export const checkMissingFields: Check = ({ campaign, rows }) => {
  const required = campaign.form.columns.filter((c) => c.required);
  const absent = absentColumns(rows, required);
  const byFile = [...absent].filter(([, columns]) => columns.length).map(([file, columns]) =>
    finding('MISSING_FIELD', { file, fields: quoted(columns) }, { file, variant: 'MISSING_FIELD_COLUMN' }));
  const byRow = rows.flatMap((row) => {
    const missing = required.filter((c) => !absent.get(row.file)!.includes(c) && !(row.cells[c.key] ?? '').trim());
    if (missing.length === 0) return [];
    const where = { file: row.file, row: row.position };
    const title = row.cells.title ? `“${row.cells.title}”` : `${columnHeader(campaign, 'title')}为空`;
    return [finding('MISSING_FIELD', { ...where, title, fields: quoted(missing) }, where)];
  });
  return [...byFile, ...byRow];
};

/** “资源版权方”、“资源格式”: each header in its own quotes. */
function quoted(columns: ColumnSpec[]): string {
  return columns.map((c) => `“${c.header}”`).join('、');
}

/** Per file, the required columns its table has no cell of: a row holds a key for every column its header has. */
function absentColumns(rows: TableRow[], required: ColumnSpec[]): Map<string, ColumnSpec[]> {
  const files = new Set(rows.map((row) => row.file));
  return new Map([...files].map((file) => {
    const own = rows.filter((row) => row.file === file);
    return [file, required.filter((c) => own.every((row) => row.cells[c.key] === undefined))];
  }));
}
