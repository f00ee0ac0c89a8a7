// Where each unit of the campaign stands, from its current filing: the one shared reading behind 汇总 and the digest.
import type { Campaign, UnitSpec } from '../types.ts';
import type { LedgerRecord, LedgerState } from './ledger-types.ts';

export type FilingStatus = 'accepted' | 'returned' | 'none';

export const STATUS_LABEL: Record<FilingStatus, string> = { accepted: '已受理', returned: '已退回', none: '未报送' };

export interface SectionShortfall { section: string; have: number; need: number }

export interface UnitStanding {
  unit: UnitSpec;
  status: FilingStatus;
  /** The unit's current filing (its newest accepted, else its newest), or null when it has not filed. */
  current: LedgerRecord | null;
  /** Every filing of the unit, oldest received first. */
  filings: LedgerRecord[];
  /** Rows per campaign section (in the campaign's order) of the current filing. */
  counts: number[];
  /** Sections of the current filing below the unit's quota; empty when it has not filed. */
  short: SectionShortfall[];
  /** The current filing was returned as LATE. */
  late: boolean;
}

export function unitStandings(state: LedgerState, campaign: Campaign): UnitStanding[] {
  return campaign.units.map((unit) => {
    const filings = state.filings[unit.name] ?? [];
    const current = filings.find((f) => f.filing?.current) ?? null;
    const verdict = current?.entry.verdict;
    const counts = campaign.sections.map((section) => verdict?.countsBySection[section.name] ?? 0);
    const short = current
      ? campaign.sections
        .map((section, i) => ({ section: section.name, have: counts[i], need: unit.quota }))
        .filter((s) => s.have < s.need)
      : [];
    return {
      unit,
      status: !verdict ? 'none' : verdict.decision === 'accept' ? 'accepted' : 'returned',
      current,
      filings,
      counts,
      short,
      late: verdict?.errors.some((f) => f.code === 'LATE') ?? false,
    };
  });
}

/** The least number of rows the whole campaign expects: each unit's quota in every section. */
export function expectedMinimum(campaign: Campaign): number {
  return campaign.units.reduce((sum, unit) => sum + unit.quota * campaign.sections.length, 0);
}
