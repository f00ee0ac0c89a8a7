// Stage "digest": the daily consolidated ledger to city staff, the fresh spreadsheet attached, once per local day.
import type { Transporter } from 'nodemailer';
import type { UnsentReply } from '../../ledger/digest-view.ts';
import { awaitingStaff } from '../../mailbox/awaiting-staff.ts';
import type { MailboxSession } from '../../mailbox/mailbox-session.ts';
import { buildDigest } from '../../ledger/digest.ts';
import { readLedger } from '../../ledger/ledger-store.ts';
import { rebuildLedgerFile } from '../../ledger/rebuild-ledger-file.ts';
import { localDate } from '../../time/zoned.ts';
import type { ServiceContext } from '../service-context.ts';
import { ledgerPrefix } from './ledger-stage.ts';
import { unsentReplies } from './reply-stage.ts';

/** Returns false when today's digest already went out (a retried or repeated run). */
export async function runDigest(ctx: ServiceContext, transport: Transporter, mailbox: MailboxSession, now = new Date()): Promise<boolean> {
  const day = localDate(now, ctx.campaign.deadline.timeZone);
  const sentKey = `${ctx.keyPrefix}digest:${day}`;
  if (await ctx.redis.exists(sentKey)) return false;
  const since = await digestPeriodStart(ctx, day);
  await rebuildLedgerFile(ctx.redis, ledgerPrefix(ctx), ctx.campaign, ctx.ledgerFile);
  const state = await readLedger(ctx.redis, ledgerPrefix(ctx));
  const unsent = await stillUnanswered(ctx, mailbox, await unsentReplies(ctx, state.records));
  const digest = buildDigest(state, ctx.campaign, now, unsent, since);
  await transport.sendMail({
    from: { name: ctx.campaign.collector.name, address: ctx.config.mailFrom },
    to: ctx.config.staffTo,
    subject: digest.subject,
    text: digest.text,
    html: digest.html,
    attachments: [{ filename: digest.attachmentName, path: ctx.ledgerFile }],
    headers: { 'Auto-Submitted': 'auto-generated' },
  });
  const last: LastDigest = { day, at: now.toISOString(), since: since?.toISOString() ?? null };
  await ctx.redis.multi().set(sentKey, now.toISOString(), 'EX', 40 * 24 * 3600).set(lastDigestKey(ctx), JSON.stringify(last)).exec();
  ctx.log.info({ to: ctx.config.staffTo, day }, 'daily ledger sent');
  return true;
}

/** The last digest sent: its day, when, and the start of the period it reported. */
interface LastDigest { day: string; at: string; since: string | null }
const lastDigestKey = (ctx: ServiceContext) => `${ctx.keyPrefix}digest:last`;

/** Where the new digest's period starts: when the last one went out, so that what came in after one day's digest
 *  is in the next; a digest sent again the same day (its day's key deleted) reports the same period as the first. */
async function digestPeriodStart(ctx: ServiceContext, day: string): Promise<Date | undefined> {
  const stored = await ctx.redis.get(lastDigestKey(ctx));
  if (!stored) return undefined;
  const last = JSON.parse(stored) as LastDigest;
  const start = last.day === day ? last.since : last.at;
  return start ? new Date(start) : undefined;
}

/** Leaves out the unsent replies staff have since dealt with by hand (answered, deleted or moved the email). */
export async function stillUnanswered(ctx: ServiceContext, mailbox: MailboxSession, unsent: UnsentReply[]): Promise<UnsentReply[]> {
  if (unsent.length === 0) return unsent;
  try {
    const waiting = await mailbox.use((client) => awaitingStaff(client, unsent.map((u) => u.record.entry.place)));
    return unsent.filter((_, k) => waiting[k]);
  } catch (error) {
    // The digest still goes out: every unsent reply is named, as if none had been dealt with.
    ctx.log.warn({ err: error }, 'mailbox not readable for the digest; every unsent reply is listed');
    return unsent;
  }
}

/** The one place the daily schedule is set: upserting by id makes every process agree on a single scheduler. */
export async function scheduleDigest(ctx: ServiceContext): Promise<void> {
  await ctx.queues.digest.upsertJobScheduler('daily-ledger',
    { pattern: ctx.config.digestCron, tz: ctx.campaign.deadline.timeZone },
    { name: 'digest', data: {}, opts: { attempts: 5, backoff: { type: 'exponential', delay: 60_000 } } });
}
