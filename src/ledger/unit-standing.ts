// Where each unit of the campaign stands, from its current filing: the one shared reading behind 汇总 and the digest.
// A unit whose institutions file on their own (市直学校) stands by its institutions together, each standing apart too.
import type { Campaign, UnitSpec } from '../types.ts';
import type { LedgerRecord, LedgerState } from './ledger-types.ts';

export type FilingStatus = 'accepted' | 'returned' | 'none';

export const STATUS_LABEL: Record<FilingStatus, string> = { accepted: '已受理', returned: '已退回', none: '未报送' };

export interface SectionShortfall { section: string; have: number; need: number }

export interface UnitStanding {
  unit: UnitSpec;
  /** On an institution's own standing (in `members`), the institution; else null. */
  filer: string | null;
  status: FilingStatus;
  /** The current filings the status and counts come from: the unit's current filing (its newest accepted, else its
   *  newest); for a unit whose institutions file on their own, those of its institutions that have the unit's
   *  status, oldest received first. Empty when it has not filed. */
  currents: LedgerRecord[];
  /** Every filing of the unit, oldest received first. */
  filings: LedgerRecord[];
  /** Rows per campaign section (in the campaign's order) of the current filings. */
  counts: number[];
  /** Sections of the current filings below the unit's quota; empty when it has not filed. */
  short: SectionShortfall[];
  /** A current filing was returned as LATE. */
  late: boolean;
  /** Each institution's standing, for a unit whose institutions file on their own; else empty. */
  members: UnitStanding[];
}

export function unitStandings(state: LedgerState, campaign: Campaign): UnitStanding[] {
  const listsOf = new Map<string, LedgerRecord[][]>();
  for (const filings of Object.values(state.filings)) {
    const unit = filings[0]?.entry.verdict.unit;
    if (unit) listsOf.set(unit, [...(listsOf.get(unit) ?? []), filings]);
  }
  return campaign.units.map((unit) => {
    const lists = listsOf.get(unit.name) ?? [];
    if (!unit.separateFilers) return standingOf(campaign, unit, null, lists.find((l) => !l[0].entry.verdict.filer) ?? [], []);
    const members = lists
      .map((filings) => standingOf(campaign, unit, filings[0].entry.verdict.filer ?? null, filings, []))
      .sort((a, b) => byReceived(a.filings[0], b.filings[0]));
    return standingOf(campaign, unit, null, members.flatMap((m) => m.filings).sort(byReceived), members);
  });
}

/** A standing from its filings; with members, from theirs: accepted when one of them is, counting those. */
function standingOf(campaign: Campaign, unit: UnitSpec, filer: string | null, filings: LedgerRecord[], members: UnitStanding[]): UnitStanding {
  const own = filings.filter((f) => f.filing?.current);
  const currents = members.length ? bestOf(members).flatMap((m) => m.currents).sort(byReceived) : own;
  const status: FilingStatus = !currents.length ? 'none' : currents[0].entry.verdict.decision === 'accept' ? 'accepted' : 'returned';
  const counts = campaign.sections.map((section) => currents.reduce((sum, c) => sum + (c.entry.verdict.countsBySection[section.name] ?? 0), 0));
  const short = currents.length
    ? campaign.sections
      .map((section, i) => ({ section: section.name, have: counts[i], need: unit.quota }))
      .filter((s) => s.have < s.need)
    : [];
  const late = currents.some((c) => c.entry.verdict.errors.some((f) => f.code === 'LATE'));
  return { unit, filer, status, currents, filings, counts, short, late, members };
}

/** The members of the best status among them: accepted ones, else returned ones. */
function bestOf(members: UnitStanding[]): UnitStanding[] {
  const accepted = members.filter((m) => m.status === 'accepted');
  return accepted.length ? accepted : members;
}

const byReceived = (a: LedgerRecord, b: LedgerRecord) => Date.parse(a.entry.verdict.receivedAt) - Date.parse(b.entry.verdict.receivedAt);

/** The standings each current filing belongs to: every unit's, an institution's in place of its unit's. */
export function filerStandings(standings: UnitStanding[]): UnitStanding[] {
  return standings.flatMap((s) => (s.members.length ? s.members : [s]));
}

/** The least number of rows the whole campaign expects: each unit's quota in every section. */
export function expectedMinimum(campaign: Campaign): number {
  return campaign.units.reduce((sum, unit) => sum + unit.quota * campaign.sections.length, 0);
}
