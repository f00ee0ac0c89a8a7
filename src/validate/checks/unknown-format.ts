// UNKNOWN_FORMAT: 资源格式 names no media format the campaign recognises (a warning: the clerk may still accept).
import { finding } from '../../messages/catalogue.ts';
import type { Check } from '../check.ts';

export const checkFormats: Check = ({ campaign, rows }) => {
  const known = campaign.formats.map((f) => f.toLowerCase());
  return rows.flatMap((row) => {
    const value = (row.cells.format ?? '').trim();
    const plain = value.normalize('NFKC').toLowerCase();
    if (!value || known.some((f) => plain.includes(f))) return [];
    const where = { file: row.file, row: row.position };
    return [finding('UNKNOWN_FORMAT', { ...where, value }, where)];
  });
};
