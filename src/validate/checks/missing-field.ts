// MISSING_FIELD: a filled row that leaves one of the form's required columns empty (one finding per row).
import { finding } from '../../messages/catalogue.ts';
import type { Check } from '../check.ts';

export const checkMissingFields: Check = ({ campaign, rows }) => {
  const required = campaign.form.columns.filter((c) => c.required);
  return rows.flatMap((row) => {
    const missing = required.filter((c) => !(row.cells[c.key] ?? '').trim());
    if (missing.length === 0) return [];
    const where = { file: row.file, row: row.position };
    const title = row.cells.title ? `“${row.cells.title}”` : '资源标题为空';
    return [finding('MISSING_FIELD', { ...where, title, fields: missing.map((c) => c.header).join('、') }, where)];
  });
};
