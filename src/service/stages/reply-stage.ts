// Stage "reply": send the answer once, keep a copy in Sent, then mark and file the county's email. Each step is
// remembered per email in Redis, so a retry repeats only what did not happen.
import { UnrecoverableError, Worker } from 'bullmq';
import type { Transporter } from 'nodemailer';
import { readArchivedEmail } from '../../archive/archive-email.ts';
import { answeredByStaff } from '../../mailbox/awaiting-staff.ts';
import { appendToSent, fileOriginal } from '../../mailbox/mailbox-actions.ts';
import type { MailboxSession } from '../../mailbox/mailbox-session.ts';
import { readEmail } from '../../mail/read-email.ts';
import { composeReply } from '../../reply/compose-reply.ts';
import { admitReply } from '../../reply/sender-limit.ts';
import { replyFor } from '../../reply/render-reply.ts';
import { ownAddresses } from '../../mail/auto-generated.ts';
import { sendRaw, SmtpTroubleError } from '../../reply/smtp-send.ts';
import type { ReplyJob } from '../jobs.ts';
import { pauseReplies, smtpTroubleOver } from '../reply-retry.ts';
import type { LedgerRecord } from '../../ledger/ledger-types.ts';
import type { UnsentReply } from '../../ledger/digest-view.ts';
import type { SmtpTrouble } from '../../reply/smtp-failure.ts';
import type { ServiceContext } from '../service-context.ts';

export type ReplyStep = 'sent' | 'copied' | 'filed' | 'held' | 'answered-by-staff';

const marksKey = (ctx: ServiceContext, emailId: string) => `${ctx.keyPrefix}reply:${emailId}`;

export async function runReply(
  ctx: ServiceContext, transport: Transporter, mailbox: MailboxSession, { intake, verdict }: ReplyJob,
): Promise<ReplyStep[]> {
  if (verdict.decision === 'ignore') return [];
  const marks = marksKey(ctx, intake.emailId);
  if (intake.copy) return fileCopy(ctx, mailbox, { intake, verdict }, marks);
  const done = new Set(Object.keys(await ctx.redis.hgetall(marks)));
  const mark = (step: ReplyStep) => ctx.redis.hset(marks, step, new Date().toISOString());
  const log = ctx.log.child({ emailId: intake.emailId, unit: verdict.unit });

  const email = await readEmail(await readArchivedEmail(ctx.config.dataDir, intake.archivePath), { receivedAt: new Date(intake.internalDate) });
  const reply = replyFor(ctx.campaign, email, verdict, ownAddresses(ctx.campaign, [ctx.config.mailFrom]));
  if (!reply.to) return [];
  const message = await composeReply(email, reply, { address: ctx.config.mailFrom, name: ctx.campaign.collector.name }, intake.emailId);
  if (!done.has('sent')) {
    // A reply kept waiting by our SMTP trouble is late: staff, seeing the email unread, may have answered it by hand.
    if (done.has('waiting') && (await mailbox.use((client) => answeredByStaff(client, intake.place)))) {
      await mark('answered-by-staff');
      log.info({ to: reply.to }, 'reply not sent: staff answered the email from their mail client while it waited');
      return ['answered-by-staff'];
    }
    if (!(await admitReply(ctx.redis, ctx.keyPrefix, reply.to, intake.emailId, ctx.config.repliesPerSenderPerHour))) {
      // Not answered and not filed: the email stays in the mailbox for staff, the verdict is in the ledger.
      await mark('held');
      log.warn({ to: reply.to }, 'reply held: too many replies to this address within an hour');
      return ['held'];
    }
    try {
      await sendRaw(transport, message.envelope, message.raw);
    } catch (err) {
      // Refused for good: not answered and not filed, like a held reply; the daily digest names it for staff.
      if (err instanceof UnrecoverableError) await ctx.redis.hset(marks, 'refused', err.message);
      if (err instanceof SmtpTroubleError) {
        // Our side's trouble: the reply is tried until it goes out; meanwhile the digest says it is waiting.
        await ctx.redis.hset(marks, 'waiting', JSON.stringify({ trouble: err.trouble, detail: err.detail }));
        // A server's bad minute (4xx) is routine, and may be this message's alone: the job retries on its own.
        if (err.trouble === 'deferred') log.warn({ to: reply.to, trouble: err.trouble }, `reply not sent, will retry: ${err.message}`);
        else {
          // The rest waits for the operator, and is the same for every reply: all of them wait.
          const pauseMs = await pauseReplies(ctx.redis, ctx.keyPrefix, ctx.queues.reply);
          log.error({ to: reply.to, trouble: err.trouble, pauseSeconds: pauseMs / 1000 }, `replies paused, this one first when they go on: ${err.message}`);
          throw Worker.RateLimitError();
        }
      }
      throw err;
    }
    await mark('sent');
    await smtpTroubleOver(ctx.redis, ctx.keyPrefix);
    log.info({ to: reply.to, subject: reply.subject, messageId: message.messageId }, 'reply sent');
  }
  if (!done.has('copied') || !done.has('filed')) {
    await mailbox.use(async (client) => {
      if (!done.has('copied')) { await appendToSent(client, message.raw); await mark('copied'); }
      if (!done.has('filed')) {
        const filed = await fileOriginal(client, intake.place, verdict.decision as 'accept' | 'reject');
        if (!filed) log.warn({ place: intake.place }, 'original email no longer where it was found; left as it is');
        await mark('filed');
      }
    });
  }
  return ['sent', 'copied', 'filed'];
}

/**
 * Another copy of an email (delivered twice, found again in another place) is never answered: once its first copy is
 * answered and filed, it is filed too, else it waits (the job is retried); where the first copy's reply was held or
 * refused, both stay unread in the mailbox for staff (and where staff answered it, both stay where they are).
 */
async function fileCopy(ctx: ServiceContext, mailbox: MailboxSession, { intake, verdict }: ReplyJob, marks: string): Promise<ReplyStep[]> {
  const done = await ctx.redis.hgetall(marks);
  // Nobody to answer (no sender address), or staff answered by hand: its first copy is left where it was, so is this.
  if (done.held || done.refused || done['answered-by-staff'] || !verdict.reply?.to) return [];
  if (!done.filed) throw new Error('another copy of this email is not answered yet');
  const filedCopy = `filed-${intake.place.uidValidity}-${intake.place.uid}`;
  if (!done[filedCopy]) {
    // Never ignored mail: runReply answers only accepted and returned emails.
    const filed = await mailbox.use((client) => fileOriginal(client, intake.place, verdict.decision as 'accept' | 'reject'));
    if (!filed) ctx.log.warn({ emailId: intake.emailId, place: intake.place }, 'copy of an answered email no longer where it was found; left as it is');
    await ctx.redis.hset(marks, filedCopy, new Date().toISOString());
  }
  return ['filed'];
}

/** Whether a reply job that failed is worth trying again: its reply was neither held nor refused for good, so it
 *  failed for trouble that passes (our SMTP login or connection for a week, the mailbox for its filing). */
export async function replyStillOwed(ctx: ServiceContext, { intake }: ReplyJob): Promise<boolean> {
  const marks = await ctx.redis.hgetall(marksKey(ctx, intake.emailId));
  return !marks.held && !marks.refused;
}

/** The answered verdicts among `records` whose reply has not gone out: held by the per-sender limit, refused by the
 *  mail server for good, or waiting (retried) while our side's SMTP login or connection fails. Each such email is
 *  still unread in the mailbox; the digest lists them for staff. */
export async function unsentReplies(ctx: ServiceContext, records: LedgerRecord[]): Promise<UnsentReply[]> {
  const answered = records.filter((r) => r.entry.verdict.decision !== 'ignore');
  // One round trip for all of them.
  const read = ctx.redis.pipeline();
  for (const record of answered) read.hgetall(marksKey(ctx, record.entry.emailId));
  const results = (await read.exec()) ?? [];
  const unsent: UnsentReply[] = [];
  answered.forEach((record, k) => {
    const [err, marks] = results[k] as [Error | null, Record<string, string>];
    if (err) throw err;
    if (marks.sent || marks['answered-by-staff']) return;
    if (marks.refused) unsent.push({ record, why: 'refused', detail: marks.refused });
    else if (marks.held) unsent.push({ record, why: 'held', detail: '' });
    else if (marks.waiting) {
      const { trouble, detail } = JSON.parse(marks.waiting) as { trouble: SmtpTrouble; detail: string };
      unsent.push({ record, why: trouble, detail });
    }
  });
  return unsent;
}
