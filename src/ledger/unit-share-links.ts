// The 网盘 links a unit sent its resources by, for 汇总 and the digest.
import type { ShareLink } from '../types.ts';
import { mergeShareLinks } from '../validate/share-links.ts';
import type { LedgerRecord, LedgerState } from './ledger-types.ts';
import type { UnitStanding } from './unit-standing.ts';

/** The 网盘 links of a unit's filings, newest first, then of other mail from the same senders: a link sent in an
 *  email of its own is no filing (ignored, left for staff), yet it is how that unit's resources reach the city. */
export function shareLinksOfUnit(state: LedgerState, s: UnitStanding): ShareLink[] {
  const senders = new Set(s.filings.map((f) => f.entry.from.toLowerCase()));
  const ownMail = state.records.filter((r) => r.entry.verdict.decision === 'ignore' && senders.has(r.entry.from.toLowerCase()));
  const newestFirst = (records: LedgerRecord[]) => [...records].reverse();
  return mergeShareLinks([...newestFirst(s.filings), ...newestFirst(ownMail)].flatMap((r) => r.entry.verdict.shareLinks ?? []));
}
