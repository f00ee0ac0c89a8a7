// DUPLICATE_TITLE: two rows with the same 资源标题 (compared as names: spacing and width do not matter).
import { finding } from '../../messages/catalogue.ts';
import { nameKey } from '../../rules/normalize.ts';
import type { Check } from '../check.ts';
import type { TableRow } from '../submission.ts';

export const checkDuplicateTitles: Check = ({ rows }) => {
  const byTitle = new Map<string, TableRow[]>();
  for (const row of rows) {
    const key = nameKey(row.cells.title ?? '');
    if (key) byTitle.set(key, [...(byTitle.get(key) ?? []), row]);
  }
  return [...byTitle.values()].filter((same) => same.length > 1).map((same) => finding('DUPLICATE_TITLE', {
    file: same[0].file,
    rows: same.map((r) => r.position).join('、'),
    title: same[0].cells.title ?? '',
  }, { file: same[0].file, row: same[1].position }));
};
