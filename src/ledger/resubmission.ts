// What the reply says of the unit's other filing, from what recordVerdict reports: RESUBMISSION for a filing that
// replaced it; ACCEPTED_FILING_STANDS for a returned filing that leaves the unit's accepted one current.
import { finding } from '../messages/catalogue.ts';
import { formatForPeople } from '../time/zoned.ts';
import type { Finding } from '../types.ts';
import type { FilingRef, RecordResult } from './ledger-types.ts';

export function resubmissionWarning(unit: string, supersedes: Pick<FilingRef, 'receivedAt'>, timeZone: string): Finding {
  return finding('RESUBMISSION', { unit, previous: formatForPeople(new Date(supersedes.receivedAt), timeZone) });
}

/** The warnings a recorded filing's reply adds about the unit's other filings (none for its first). */
export function filingWarnings(unit: string, decision: 'accept' | 'reject', result: RecordResult, timeZone: string): Finding[] {
  if (result.supersedes) return [resubmissionWarning(unit, result.supersedes, timeZone)];
  if (decision === 'reject' && result.supersededBy?.accepted) {
    return [finding('ACCEPTED_FILING_STANDS', { unit, previous: formatForPeople(new Date(result.supersededBy.receivedAt), timeZone) })];
  }
  return [];
}
