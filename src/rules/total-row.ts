// A table's total line (合计 | 30条) under its resources: generic form-reading knowledge, not a campaign fact, so the
// words live here once, for the Word table and the PDF's text layer alike.
import type { FieldKey } from '../types.ts';
import { nameKey } from './normalize.ts';

const TOTAL_WORDS = ['合计', '总计', '小计', '共计', '总数', '累计'];
/** A count as totals are written: 30, 30条, 共30项, 共推荐资源30条, 30条（德育5条、…）. */
const COUNT = /^\d+$|\d+[条项个件]/;

/** A row whose 序号 or 资源标题 is a total word, alone, after a colon or before a count (合计：共推荐资源30条), and whose
 * other cells are counts, empty, or that cell again (merged across). */
export function isTotalRow(cells: Partial<Record<FieldKey, string>>): boolean {
  const key = (text = '') => nameKey(text);
  const label = [key(cells.seq), key(cells.title)].find((k) => {
    const word = TOTAL_WORDS.find((w) => k.startsWith(w));
    const rest = word ? k.slice(word.length) : null;
    return rest !== null && (rest === '' || /^[:：]/.test(rest) || COUNT.test(rest));
  });
  return label !== undefined && Object.values(cells).every((text) => [label, ''].includes(key(text)) || COUNT.test(key(text)));
}
