// DUPLICATE_TITLE: two rows with the same 资源标题 (compared as names: spacing and width do not matter).
import { finding } from '../../messages/catalogue.ts';
import { formLabels } from '../../messages/form-labels.ts';
import { nameKey } from '../../rules/normalize.ts';
import type { Check } from '../check.ts';
import type { TableRow } from '../submission.ts';

export const checkDuplicateTitles: Check = ({ campaign, rows }) => {
  const byTitle = new Map<string, TableRow[]>();
  for (const row of rows) {
    const key = nameKey(row.cells.title ?? '');
    if (!key) continue;
    const same = byTitle.get(key);
    if (same) same.push(row);
    else byTitle.set(key, [row]);
  }
  return [...byTitle.values()].filter((same) => same.length > 1).map((same) => finding('DUPLICATE_TITLE', {
    ...formLabels(campaign),
    file: same[0].file,
    rows: rowRanges(same.map((r) => r.position)),
    title: same[0].cells.title ?? '',
  }, { file: same[0].file, row: same[1].position }));
};

/** Row numbers as people write them: 3、5、8至12 (a row copied a thousand times is one range, not a thousand numbers). */
function rowRanges(positions: number[]): string {
  const runs: number[][] = [];
  for (const p of positions) {
    const run = runs.at(-1);
    if (run && p === run.at(-1)! + 1) run.push(p);
    else runs.push([p]);
  }
  return runs.map((run) => (run.length > 2 ? `${run[0]}至${run.at(-1)}` : run.join('、'))).join('、');
}
