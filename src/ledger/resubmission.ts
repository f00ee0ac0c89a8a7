// What the reply says of the unit's other filing, from what recordVerdict reports: RESUBMISSION for a filing that
// replaced it; ACCEPTED_FILING_STANDS for a returned filing that leaves the unit's accepted one current.
import { finding } from '../messages/catalogue.ts';
import { formatForPeople } from '../time/zoned.ts';
import type { Finding, Verdict } from '../types.ts';
import type { FilingRef, RecordResult } from './ledger-types.ts';

export function resubmissionWarning(unit: string, supersedes: Pick<FilingRef, 'receivedAt'>, timeZone: string): Finding {
  return finding('RESUBMISSION', { unit, previous: formatForPeople(new Date(supersedes.receivedAt), timeZone) });
}

/** The warnings a recorded filing's reply adds about the unit's other filings (none for its first). A late filing
 *  is not asked to send again to take the accepted one's place: the deadline has passed. */
export function filingWarnings(
  filing: Pick<Verdict, 'decision' | 'errors'> & { unit: string }, result: RecordResult, timeZone: string,
): Finding[] {
  const { unit } = filing;
  if (result.supersedes) return [resubmissionWarning(unit, result.supersedes, timeZone)];
  if (filing.decision === 'reject' && result.supersededBy?.accepted) {
    const late = filing.errors.some((e) => e.code === 'LATE');
    const previous = formatForPeople(new Date(result.supersededBy.receivedAt), timeZone);
    return [finding('ACCEPTED_FILING_STANDS', { unit, previous }, { variant: late ? 'ACCEPTED_FILING_STANDS_LATE' : 'ACCEPTED_FILING_STANDS' })];
  }
  return [];
}
