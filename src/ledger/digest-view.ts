// What the daily digest says, as plain data for its templates: who has filed, who is short where, who was
// returned and not yet accepted, who has not filed, what was returned and what mail was left for staff since the last
// digest, whose answer did not go out, which filings came from a sender not vouched for, totals against the minimum.
import type { SmtpTrouble } from '../reply/smtp-failure.ts';
import type { Campaign, Finding } from '../types.ts';
import { formatDay, formatForPeople, instantOfIsoTime, localDate } from '../time/zoned.ts';
import { shareLinkLabel } from '../validate/share-links.ts';
import { codeLabel } from './code-labels.ts';
import { filingStanding, returnFollowUp } from './filing-fate.ts';
import { filerLabel, type LedgerRecord, type LedgerState } from './ledger-types.ts';
import { shareLinksOfUnit } from './unit-share-links.ts';
import { expectedMinimum, filerStandings, STATUS_LABEL, unitStandings, type UnitStanding } from './unit-standing.ts';

const DAY_MS = 86_400_000;
const SENDER_DOUBTS = new Set(['UNREGISTERED_SENDER', 'SENDER_NOT_AUTHENTICATED']);

/** A verdict whose reply did not go out: `held` by the per-sender hourly limit, `refused` for good by the mail server,
 *  or waiting for our side's SMTP trouble to pass (retried meanwhile); `detail`: the server's answer. */
export interface UnsentReply { record: LedgerRecord; why: 'held' | 'refused' | SmtpTrouble; detail: string }

/** Staff answer these by hand; the others go out by themselves once the trouble is fixed, and must not be answered. */
const forStaff = (u: UnsentReply) => u.why === 'held' || u.why === 'refused';

/**
 * `since`: when the last digest went out, so that what it reports as new (handled mail, returns, mail left for
 * staff) is everything since, none of it missed between one digest and the next day's; default the start of today.
 */
export function digestView(state: LedgerState, campaign: Campaign, now: Date, unsent: UnsentReply[] = [], since?: Date) {
  const zone = campaign.deadline.timeZone;
  const today = localDate(now, zone);
  const startOfToday = instantOfIsoTime(today, zone)!;
  const from = since && since < now ? since : startOfToday;
  // Units are counted as units; what each filed is listed by who filed it (an institution of 市直学校 on its own).
  const standings = unitStandings(state, campaign);
  const filers = filerStandings(standings);
  const withStatus = (status: UnitStanding['status'], among = filers) => among.filter((s) => s.status === status);
  const current = (s: UnitStanding) => s.currents[0];
  const at = (record: LedgerRecord) => formatForPeople(new Date(record.entry.verdict.receivedAt), zone);
  const handledSince = state.records.filter((r) => new Date(r.entry.handledAt) >= from);
  const decidedSince = (decision: string) => handledSince.filter((r) => r.entry.verdict.decision === decision);
  const ignoredSince = decidedSince('ignore');
  // Automatic mail needs no one; a question or other business mail waits unread for a person.
  const automatic = (r: LedgerRecord) => r.entry.verdict.warnings.some((w) => w.code === 'AUTO_GENERATED');
  const afterDeadline = today > campaign.deadline.date;
  const accepted = withStatus('accepted');
  const returned = withStatus('returned');
  const none = withStatus('none', standings);
  // Filings from a sender not vouched for (not a registered address of a unit that has some, or one the receiving
  // server could not authenticate), current or not: a stranger's filing may stand in the ledger, and one that does
  // not may be a real correction sent from a colleague's address, or an impersonation the unit should hear of.
  const senderDoubts = (r: LedgerRecord) => r.entry.verdict.warnings.filter((w) => SENDER_DOUBTS.has(w.code));
  const unverified = Object.values(state.filings).flat()
    .filter((r) => senderDoubts(r).length > 0)
    .sort((a, b) => Date.parse(a.entry.verdict.receivedAt) - Date.parse(b.entry.verdict.receivedAt));
  // The templates word each reason (`reason.login`, …); `detail` is the server's answer.
  const unsentLine = ({ record, why, detail }: UnsentReply) => ({
    at: at(record),
    unit: filerLabel(record.entry.verdict) ?? '（未识别单位）',
    from: record.entry.from,
    decision: record.entry.verdict.decision === 'accept' ? '受理' : '退回',
    reason: { [why]: true },
    detail,
  });
  return {
    campaignName: campaign.name,
    collector: campaign.collector.name,
    day: formatDay(today),
    asOf: formatForPeople(now, zone),
    deadlineNote: deadlineNote(campaign.deadline.date, today),
    afterDeadline,
    period: from.getTime() === startOfToday.getTime() ? '今日' : `自上次日报（${formatForPeople(from, zone)}）以来`,
    unitCount: standings.length,
    acceptedUnits: withStatus('accepted', standings).length,
    returnedUnits: withStatus('returned', standings).length,
    acceptedCount: accepted.length,
    returnedCount: returned.length,
    noneCount: none.length,
    acceptedRows: accepted.reduce((sum, s) => sum + current(s).entry.verdict.resources.length, 0),
    expectedMinimum: expectedMinimum(campaign),
    sectionCount: campaign.sections.length,
    handled: {
      total: handledSince.length,
      accepted: decidedSince('accept').length,
      returned: decidedSince('reject').length,
      ignored: ignoredSince.length,
      automatic: ignoredSince.filter(automatic).length,
      forStaff: ignoredSince.filter((r) => !automatic(r)).length,
    },
    /** Ignored mail a person must read (questions, other business), with what tells it apart in the mailbox. */
    forStaff: ignoredSince.filter((r) => !automatic(r)).map((r) => ({
      at: at(r), from: r.entry.from, subject: r.entry.subject || '（无主题）',
      links: (r.entry.verdict.shareLinks ?? []).map(shareLinkLabel).join('；'),
    })),
    // Whether staff have a 网盘 link to fetch the resources by (else they may come on a disc, or not at all).
    accepted: accepted.map((s) => ({
      unit: filerLabel({ unit: s.unit.name, filer: s.filer }), rows: current(s).entry.verdict.resources.length, at: at(current(s)),
      links: shareLinksOfUnit(state, s).length,
    })),
    short: filers.filter((s) => s.short.length).map((s) => ({
      unit: filerLabel({ unit: s.unit.name, filer: s.filer }),
      status: STATUS_LABEL[s.status],
      sections: s.short.map((x) => `${x.section} ${x.have}/${x.need}`).join('、'),
    })),
    returned: returned.map((s) => ({
      unit: filerLabel({ unit: s.unit.name, filer: s.filer }),
      at: at(current(s)),
      reasons: reasonLabels(current(s).entry.verdict.errors),
    })),
    none: none.map((s) => s.unit.name).join('、'),
    unverified: unverified.map((r) => ({
      unit: filerLabel(r.entry.verdict) ?? '（未识别单位）', from: r.entry.from, at: at(r),
      fresh: new Date(r.entry.handledAt) >= from,
      reasons: reasonLabels(senderDoubts(r)), standing: filingStanding(state, r),
    })),
    unverifiedCount: unverified.length,
    unsentCount: unsent.filter(forStaff).length,
    unsent: unsent.filter(forStaff).map(unsentLine),
    waitingCount: unsent.filter((u) => !forStaff(u)).length,
    waiting: unsent.filter((u) => !forStaff(u)).map(unsentLine),
    returnedSince: decidedSince('reject').map((r) => ({
      at: formatForPeople(new Date(r.entry.handledAt), zone),
      unit: filerLabel(r.entry.verdict) ?? '（未识别单位）',
      from: r.entry.from,
      reasons: reasonLabels(r.entry.verdict.errors),
      // Whether it has been put right since: a return already fixed needs no chasing.
      followUp: returnFollowUp(state, r),
    })),
  };
}

export type DigestView = ReturnType<typeof digestView>;

function reasonLabels(errors: Finding[]): string {
  return [...new Set(errors.map((f) => codeLabel(f.code)))].join('、');
}

/** 距截止还有 3 天 / 今日截止 / 已于…截止, counted in whole local days. */
function deadlineNote(deadline: string, today: string): string {
  const days = Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
  if (days > 0) return `报送截止${formatDay(deadline)}，还有 ${days} 天`;
  if (days === 0) return `${formatDay(deadline)}即今日报送截止`;
  return `报送已于${formatDay(deadline)}截止`;
}
