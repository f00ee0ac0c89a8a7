// `npm start`: the running bot. ROLE=all runs the poller and every worker in one process; ROLE=workers only the
// workers (more machines sharing one Redis take load); ROLE=poller only the poller.
import type { Worker } from 'bullmq';
import { ConfigError, describeConfig, loadConfig } from '../config/config.ts';
import { CampaignRulesError } from '../rules/load-campaign.ts';
import { log } from '../log.ts';
import { startPoller, type PollerHandle } from '../poller/index.ts';
import { startDigestWorker } from '../../workers/digest.ts';
import { startIntakeWorker } from '../../workers/intake.ts';
import { startLedgerWorker } from '../../workers/ledger.ts';
import { startReplyWorker } from '../../workers/reply.ts';
import { closeServiceContext, createServiceContext } from './service-context.ts';
import { scheduleDigest } from './stages/digest-stage.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  log.info({ config: describeConfig(config) }, 'starting');
  const ctx = createServiceContext(config);
  const workers: Worker[] = config.role === 'poller' ? [] : [startIntakeWorker, startLedgerWorker, startReplyWorker, startDigestWorker].map((start) => start(ctx));
  const poller: PollerHandle | null = config.role === 'workers' ? null : startPoller({
    imap: config.imap, dataDir: config.dataDir, mailbox: config.imap.mailbox, keyPrefix: ctx.keyPrefix,
    pollIntervalMs: config.imap.pollSeconds * 1000, ignoreBefore: config.imap.ignoreBefore,
  }, { redis: ctx.redis, queue: ctx.queues.intake, log });
  await scheduleDigest(ctx);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    await poller?.stop();
    await Promise.all(workers.map((w) => w.close()));
    await closeServiceContext(ctx);
    log.info('stopped');
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: Error) => {
  if (err instanceof ConfigError || err instanceof CampaignRulesError) process.stderr.write(`${err.message}\n`);
  else log.fatal({ err }, 'could not start');
  process.exitCode = 1;
});
