// Stage "ledger": record the verdict in the state of record, ask for the spreadsheet to be rebuilt soon, and queue the
// reply (with a RESUBMISSION warning when this filing replaced the unit's earlier one).
import { recordVerdict } from '../../ledger/ledger-store.ts';
import { rebuildLedgerFile, redisNow } from '../../ledger/rebuild-ledger-file.ts';
import { resubmissionWarning } from '../../ledger/resubmission.ts';
import type { RecordJob } from '../jobs.ts';
import { KEEP_JOBS, ledgerPrefixOf, type ServiceContext } from '../service-context.ts';

export const ledgerPrefix = (ctx: ServiceContext) => ledgerPrefixOf(ctx.keyPrefix);

export async function runRecord(ctx: ServiceContext, { intake, verdict }: RecordJob): Promise<void> {
  const result = await recordVerdict(ctx.redis, ledgerPrefix(ctx), {
    emailId: intake.emailId, verdict, place: intake.place, archivePath: intake.archivePath,
    from: verdict.from, subject: verdict.subject, handledAt: new Date().toISOString(),
  });
  await requestLedgerFile(ctx);
  if (verdict.decision === 'ignore') return;
  const warnings = result.supersedes && verdict.unit
    ? [...verdict.warnings, resubmissionWarning(verdict.unit, result.supersedes, ctx.campaign.deadline.timeZone)]
    : verdict.warnings;
  await ctx.queues.reply.add('send', { intake, verdict: { ...verdict, warnings } },
    { jobId: intake.emailId, attempts: 12, backoff: { type: 'exponential', delay: 15_000 }, ...KEEP_JOBS });
}

/**
 * Asks for a spreadsheet rebuild after the configured delay. Requests while one waits are that one (it has not read
 * the ledger yet); a request while a rebuild runs is kept and runs after it. A burst of verdicts costs one rebuild
 * every few seconds, not one per email back to back.
 */
async function requestLedgerFile(ctx: ServiceContext): Promise<void> {
  await ctx.queues.ledger.add('file', { requestedAt: await redisNow(ctx.redis) }, {
    delay: ctx.config.ledgerFileDelayMs, deduplication: { id: `file:${ledgerPrefix(ctx)}`, keepLastIfActive: true },
    removeOnComplete: true, removeOnFail: 100, attempts: 5, backoff: { type: 'exponential', delay: 1000 },
  });
}

export async function runLedgerFile(ctx: ServiceContext, requestedAt: number): Promise<boolean> {
  return rebuildLedgerFile(ctx.redis, ledgerPrefix(ctx), ctx.campaign, ctx.ledgerFile, { requestedAt });
}
