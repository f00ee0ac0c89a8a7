// Whether a filing counts, and what became of it, in words staff read on every sheet and in the digest: only a
// unit's current filing, and only once accepted, counts; every other filing is kept for the record, marked so.
import { filingKey, isUnitFiling, type LedgerRecord, type LedgerState } from './ledger-types.ts';

/** Whether the filing's rows count: accepted, and its unit's (or institution's) current filing. */
export function counts(record: LedgerRecord): boolean {
  return record.entry.verdict.decision === 'accept' && Boolean(record.filing?.current);
}

/** The current filing of the record's unit (or institution); null for mail of no known unit. */
export function currentFilingOf(state: LedgerState, record: LedgerRecord): LedgerRecord | null {
  const { verdict } = record.entry;
  if (!isUnitFiling(verdict)) return null;
  return state.filings[filingKey(verdict)]?.find((r) => r.filing?.current) ?? null;
}

/** One line on a filing: 计入 for the rows that count, else why not, naming the version that counts instead. */
export function filingStanding(state: LedgerState, record: LedgerRecord): string {
  if (record.entry.verdict.decision === 'ignore') return '';
  if (counts(record)) return '计入（当前有效的受理版本）';
  const current = currentFilingOf(state, record);
  if (!current) return '不计入（单位无法识别）';
  if (current === record) return '不计入（已退回，该单位尚无受理版本）';
  const own = record.entry.verdict.decision === 'accept' ? '已受理' : '已退回';
  const version = current.filing!.version;
  return current.entry.verdict.decision === 'accept'
    ? `不计入（${own}，以第${version}版受理版本为准）`
    : `不计入（${own}，已被第${version}版替代，该版亦已退回）`;
}

/** What became of a returned filing since, for 退回记录 and the digest. */
export function returnFollowUp(state: LedgerState, record: LedgerRecord): string {
  const current = currentFilingOf(state, record);
  if (!current) return '单位无法识别';
  if (current === record) return '尚无受理版本';
  const version = current.filing!.version;
  if (current.entry.verdict.decision !== 'accept') return `已再报送（第${version}版），仍被退回`;
  const later = Date.parse(current.entry.verdict.receivedAt) > Date.parse(record.entry.verdict.receivedAt);
  return later ? `已重报受理（第${version}版）` : `此前受理的第${version}版仍有效`;
}
