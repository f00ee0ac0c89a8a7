// Stage "digest": the daily consolidated ledger to city staff, the fresh spreadsheet attached, once per local day.
import type { Transporter } from 'nodemailer';
import { buildDigest } from '../../ledger/digest.ts';
import { readLedger } from '../../ledger/ledger-store.ts';
import { rebuildLedgerFile } from '../../ledger/rebuild-ledger-file.ts';
import { localDate } from '../../time/zoned.ts';
import type { ServiceContext } from '../service-context.ts';
import { ledgerPrefix } from './ledger-stage.ts';
import { unsentReplies } from './reply-stage.ts';

/** Returns false when today's digest already went out (a retried or repeated run). */
export async function runDigest(ctx: ServiceContext, transport: Transporter, now = new Date()): Promise<boolean> {
  const day = localDate(now, ctx.campaign.deadline.timeZone);
  const sentKey = `${ctx.keyPrefix}digest:${day}`;
  if (await ctx.redis.exists(sentKey)) return false;
  await rebuildLedgerFile(ctx.redis, ledgerPrefix(ctx), ctx.campaign, ctx.ledgerFile);
  const state = await readLedger(ctx.redis, ledgerPrefix(ctx));
  const digest = buildDigest(state, ctx.campaign, now, await unsentReplies(ctx, state.records));
  await transport.sendMail({
    from: { name: ctx.campaign.collector.name, address: ctx.config.mailFrom },
    to: ctx.config.staffTo,
    subject: digest.subject,
    text: digest.text,
    html: digest.html,
    attachments: [{ filename: digest.attachmentName, path: ctx.ledgerFile }],
    headers: { 'Auto-Submitted': 'auto-generated' },
  });
  await ctx.redis.set(sentKey, now.toISOString(), 'EX', 40 * 24 * 3600);
  ctx.log.info({ to: ctx.config.staffTo, day }, 'daily ledger sent');
  return true;
}

/** The one place the daily schedule is set: upserting by id makes every process agree on a single scheduler. */
export async function scheduleDigest(ctx: ServiceContext): Promise<void> {
  await ctx.queues.digest.upsertJobScheduler('daily-ledger',
    { pattern: ctx.config.digestCron, tz: ctx.campaign.deadline.timeZone },
    { name: 'digest', data: {}, opts: { attempts: 5, backoff: { type: 'exponential', delay: 60_000 } } });
}
