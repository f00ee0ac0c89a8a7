// The RESUBMISSION warning for a filing that replaced its unit's earlier one (what recordVerdict reports).
import { finding } from '../messages/catalogue.ts';
import { formatForPeople } from '../time/zoned.ts';
import type { Finding } from '../types.ts';
import type { FilingRef } from './ledger-types.ts';

export function resubmissionWarning(unit: string, supersedes: FilingRef, timeZone: string): Finding {
  return finding('RESUBMISSION', { unit, previous: formatForPeople(new Date(supersedes.receivedAt), timeZone) });
}
