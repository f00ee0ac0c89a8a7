// What the reply says of the unit's other filing, from what recordVerdict reports: RESUBMISSION for an accepted
// filing that replaced it; ACCEPTED_FILING_STANDS for a returned filing, or one accepted from an unregistered address,
// that leaves the unit's accepted one current. A returned filing is never told it counts: where the unit's earlier
// filing was returned too the ledger may keep the newest returned one as current, but the county is told only what
// to fix (its errors), not that this filing replaces anything.
import { finding } from '../messages/catalogue.ts';
import { formatForPeople } from '../time/zoned.ts';
import type { Finding, Verdict } from '../types.ts';
import { filerLabel, type FilingRef, type RecordResult } from './ledger-types.ts';

export function resubmissionWarning(unit: string, supersedes: Pick<FilingRef, 'receivedAt'>, timeZone: string): Finding {
  // To the second: a correction often follows within the minute.
  return finding('RESUBMISSION', { unit, previous: formatForPeople(new Date(supersedes.receivedAt), timeZone, true) });
}

/** The warnings a recorded filing's reply adds about the unit's other filings (none for its first). A late filing
 *  is not asked to send again to take the accepted one's place: the deadline has passed. A returned filing that
 *  displaced a returned one gets none (RESUBMISSION's "以本次为准" fits an accepted filing only). */
export function filingWarnings(
  filing: Pick<Verdict, 'decision' | 'errors' | 'warnings' | 'filer'> & { unit: string; from?: string },
  result: Pick<RecordResult, 'supersedes' | 'supersededBy'>, timeZone: string,
): Finding[] {
  const unit = filerLabel(filing);
  if (result.supersedes) return filing.decision === 'accept' ? [resubmissionWarning(unit, result.supersedes, timeZone)] : [];
  if (!result.supersededBy?.accepted) return [];
  const previous = formatForPeople(new Date(result.supersededBy.receivedAt), timeZone, true);
  const variant = filing.decision === 'reject'
    ? (filing.errors.some((e) => e.code === 'LATE') ? 'ACCEPTED_FILING_STANDS_LATE' : 'ACCEPTED_FILING_STANDS')
    : filing.warnings.some((w) => w.code === 'UNREGISTERED_SENDER') ? 'ACCEPTED_FILING_STANDS_UNREGISTERED' : null;
  const sender = filing.from ? `（${filing.from}）` : '';
  return variant ? [finding('ACCEPTED_FILING_STANDS', { unit, previous, sender }, { variant })] : [];
}
