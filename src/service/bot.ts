// The bot as one object: poller and workers per ROLE over one context; what `npm start`, the demo and tests run.
import type { Worker } from 'bullmq';
import type { Config } from '../config/config.ts';
import { startPoller, type PollerHandle } from '../poller/index.ts';
import { startDigestWorker } from '../../workers/digest.ts';
import { startIntakeWorker } from '../../workers/intake.ts';
import { startLedgerWorker } from '../../workers/ledger.ts';
import { startReplyWorker } from '../../workers/reply.ts';
import { closeServiceContext, createServiceContext, type ContextOptions, type ServiceContext } from './service-context.ts';
import { scheduleDigest } from './stages/digest-stage.ts';
import { closeWorker } from './start-worker.ts';

export interface Bot {
  ctx: ServiceContext;
  poller: PollerHandle | null;
  workers: Worker[];
  /** Stops polling, lets running jobs finish, closes every connection. */
  stop(): Promise<void>;
}

export async function startBot(config: Readonly<Config>, options: ContextOptions = {}): Promise<Bot> {
  const ctx = createServiceContext(config, options);
  const workers: Worker[] = [];
  let poller: PollerHandle | null = null;
  const stop = async () => {
    await poller?.stop();
    await Promise.all(workers.map((w) => closeWorker(w, ctx.log)));
    await closeServiceContext(ctx);
  };
  try {
    if (config.role !== 'poller') {
      for (const start of [startIntakeWorker, startLedgerWorker, startReplyWorker, startDigestWorker]) workers.push(start(ctx));
    }
    if (config.role !== 'workers') {
      poller = startPoller({
        imap: config.imap, dataDir: config.dataDir, mailbox: config.imap.mailbox, keyPrefix: ctx.keyPrefix,
        pollIntervalMs: config.imap.pollSeconds * 1000, ignoreBefore: config.imap.ignoreBefore,
      }, { redis: ctx.redis, queue: ctx.queues.intake, log: ctx.log });
    }
    await scheduleDigest(ctx);
  } catch (error) {
    // Half a bot would answer mail with no one to stop it: what started is stopped before the failure is passed on.
    await stop();
    throw error;
  }
  return { ctx, poller, workers, stop };
}
