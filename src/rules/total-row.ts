// A table's total line (合计 | 30条) under its resources: generic form-reading knowledge, not a campaign fact, so the
// words live here once, for the Word table and the PDF's text layer alike.
import type { FieldKey } from '../types.ts';
import { nameKey } from './normalize.ts';

const TOTAL_WORDS = ['合计', '总计', '小计', '共计', '总数', '累计'];
/** A count as totals are written: 30, 30条, 共30项. */
const COUNT = /^共?\d+[条项个件]?$/;

/** A row whose 序号 or 资源标题 is a total word (a colon after it allowed) and whose other cells are counts, empty, or
 * that word again (a cell merged across). */
export function isTotalRow(cells: Partial<Record<FieldKey, string>>): boolean {
  const key = (text = '') => nameKey(text).replace(/[:：]$/, '');
  const word = [key(cells.seq), key(cells.title)].find((k) => TOTAL_WORDS.includes(k));
  return word !== undefined && Object.values(cells).every((text) => [word, ''].includes(key(text)) || COUNT.test(key(text)));
}
