// What the ledger keeps per email and what it hands to the spreadsheet and the digest.
import type { Verdict } from '../types.ts';
import type { MailboxPlace } from '../service/jobs.ts';

/** One handled email as the ledger records it (ignored mail included). */
export interface LedgerEntry {
  emailId: string;
  verdict: Verdict;
  place?: MailboxPlace;
  /** The archived .eml, relative to DATA_DIR. */
  archivePath?: string;
  from: string;
  subject: string;
  /** ISO-8601: when the bot decided on the email. */
  handledAt: string;
}

/** A unit's filing, named by its email and its received time (the verdict's receivedAt). */
export interface FilingRef {
  emailId: string;
  receivedAt: string;
  /** Whether that filing was accepted. */
  accepted: boolean;
}

/** What recording one verdict did; a repeated recording returns the first one's result with `duplicate: true`. */
export interface RecordResult {
  duplicate: boolean;
  /** Place among the unit's filings by received time, from 1; null for ignored mail and mail of no known unit. */
  version: number | null;
  /** The filing this one replaced as the unit's current filing: the caller adds a RESUBMISSION warning. */
  supersedes: FilingRef | null;
  /** The filing that stays current instead of this one: an accepted one this returned filing, or this accepted one
   *  from an unregistered address, does not displace (the caller says so in the reply), or, for an older filing that
   *  arrived late, the unit's newer one. */
  supersededBy: FilingRef | null;
}

/** What recording an email found when it was first recorded, as kept in the ledger. */
export type RecordedResult = Omit<RecordResult, 'duplicate'>;

/** One handled email with its final place among its unit's filings. */
export interface LedgerRecord {
  entry: LedgerEntry;
  /** Null for ignored mail and mail of no known unit. */
  filing: { version: number; current: boolean } | null;
  /** What its recording found of the unit's other filings (what its reply said of them). */
  recorded?: RecordedResult;
}

export interface LedgerState {
  /** Every handled email, in the order the ledger recorded them. */
  records: LedgerRecord[];
  /** Filing key (filingKey) -> its filings (accepted or returned), oldest received first; the current one is the
   *  newest accepted from a registered address (or of a unit with none), else the newest accepted, else the newest. */
  filings: Record<string, LedgerRecord[]>;
}

/** Whether a verdict is one of its unit's filings: accepted or returned, with the unit known. */
export function isUnitFiling(verdict: Verdict): verdict is Verdict & { unit: string } {
  return verdict.decision !== 'ignore' && verdict.unit !== null;
}

type FilingNames = Pick<Verdict, 'filer'> & { unit: string };

/** Which filings replace one another: a unit's, or one institution's of a unit whose institutions file on their own. */
export function filingKey({ unit, filer }: FilingNames): string {
  return filer ? `${unit}/${filer}` : unit;
}

/** Who filed, for people: 平江县, 市直学校（岳阳市第一中学）; null when the unit is not known. */
export function filerLabel(names: { unit: string; filer?: string | null }): string;
export function filerLabel(names: { unit: string | null; filer?: string | null }): string | null;
export function filerLabel({ unit, filer }: { unit: string | null; filer?: string | null }): string | null {
  return unit && filer ? `${unit}（${filer}）` : unit;
}
