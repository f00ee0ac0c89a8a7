// What a chaos run left behind, counted: verdicts in the ledger, replies in the senders' mailboxes, filed and
// untouched mail in the city mailbox, rows of the spreadsheet, against the burst that was sent.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServicesEnv } from '../../scripts/services/services-env.ts';
import { handledEmails, type Stage } from '../service/harness.ts';
import { cityMessages, repliesByOriginal } from '../service/mail-lookup.ts';
import { readWorkbook, rowsOf } from '../service/sheet-rows.ts';
import type { BurstEmail } from './burst.ts';

export interface Tally {
  sent: number;
  verdicts: number;
  replies: number;
  /** Extra verdicts plus extra replies beyond one per email, but for those counted in `resentAfterKill`. */
  duplicates: number;
  /**
   * Second copies of a reply whose first copy arrived just before a SIGKILL: the bot died inside the SMTP exchange,
   * after the server took the message and before the bot heard so, and sent it again (same Message-ID) on restart.
   * No SMTP client can tell that case from a message that never arrived; at most one per kill (one reply at a time).
   */
  resentAfterKill: number;
  /** Emails without a verdict plus answered emails without a reply. */
  lost: number;
  /** Verdicts other than expected.json's. */
  wrongVerdicts: number;
  /** Replies to ignored mail. */
  repliesToIgnored: number;
  /** Ignored emails no longer in the city folder, answered emails not filed exactly once. */
  misfiled: number;
  /** Emails without exactly one row in the spreadsheet's email sheet. */
  sheetMismatches: number;
}

const countBy = <T>(items: T[], key: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

/** The ledger spreadsheet the bot wrote under DATA_DIR/ledger (its one .xlsx). */
export async function ledgerFileOf(stage: Stage): Promise<string | undefined> {
  const dir = join(stage.config.dataDir, 'ledger');
  const names = await readdir(dir).catch(() => [] as string[]);
  const book = names.find((name) => name.endsWith('.xlsx'));
  return book && join(dir, book);
}

/** How many emails of the burst have exactly one row on the spreadsheet's email sheet; 0 when it does not open yet. */
export async function rowsInSheet(stage: Stage, emails: BurstEmail[]): Promise<number> {
  const file = await ledgerFileOf(stage);
  const sheets = file ? await readWorkbook(file).catch(() => undefined) : undefined;
  return sheets ? emails.filter((e) => rowsOf(sheets, '邮件', e.messageId).length === 1).length : 0;
}

/** How long before a kill a reply may have been taken in by the server while the bot still waited for its answer. */
const IN_FLIGHT_MS = 3000;

export async function tallyRun(env: ServicesEnv, stage: Stage, emails: BurstEmail[], killedAt: number[]): Promise<Tally> {
  const handled = await handledEmails(stage);
  const verdicts = countBy(handled, (h) => h.record.entry.verdict.messageId);
  const decisionOf = new Map(handled.map((h) => [h.record.entry.verdict.messageId, h.record.entry.verdict.decision]));
  const replies = await repliesByOriginal(env, stage.tag);
  const answered = emails.filter((e) => e.decision !== 'ignore');
  const ignored = emails.filter((e) => e.decision === 'ignore');
  const filed = countBy([...await cityMessages(env, '已受理', stage.tag), ...await cityMessages(env, '已退回', stage.tag)], (m) => m.mail.messageId ?? '');
  const left = new Set((await cityMessages(env, stage.folder, stage.tag)).map((m) => m.mail.messageId));
  const replyCount = (e: BurstEmail) => (replies.get(e.messageId) ?? []).filter((r) => r.account === e.mailbox).length;
  const extra = (n: number) => Math.max(0, n - 1);
  // INTERNALDATE has whole seconds: a copy stamped up to a second after the kill may still be the one in flight.
  const inFlightAtKill = (e: BurstEmail) => {
    const copies = (replies.get(e.messageId) ?? []).filter((r) => r.account === e.mailbox).map((r) => r.receivedAt.getTime());
    const first = Math.min(...copies);
    return copies.length === 2 && killedAt.some((kill) => first >= kill - IN_FLIGHT_MS && first <= kill + 1000);
  };
  const resentAfterKill = answered.filter(inFlightAtKill).length;
  return {
    sent: emails.length,
    verdicts: handled.length,
    replies: [...replies.values()].flat().length,
    duplicates: emails.reduce((sum, e) => sum + extra(verdicts.get(e.messageId) ?? 0) + extra(replyCount(e)), 0) - resentAfterKill,
    resentAfterKill,
    lost: emails.filter((e) => !verdicts.has(e.messageId)).length + answered.filter((e) => replyCount(e) === 0).length,
    wrongVerdicts: emails.filter((e) => decisionOf.has(e.messageId) && decisionOf.get(e.messageId) !== e.decision).length,
    repliesToIgnored: ignored.filter((e) => replies.has(e.messageId)).length,
    misfiled: ignored.filter((e) => !left.has(e.messageId) || filed.has(e.messageId)).length
      + answered.filter((e) => filed.get(e.messageId) !== 1).length,
    sheetMismatches: emails.length - await rowsInSheet(stage, emails),
  };
}
