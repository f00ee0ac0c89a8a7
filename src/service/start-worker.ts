// Shared set-up of a stage's BullMQ worker: connection, prefix, logging of failures; a worker file adds its processor.
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker, type Processor, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { ServiceContext } from './service-context.ts';

/** How often a job may be left behind by a bot that died while it ran and still be taken up again. BullMQ's default
 *  (1) fails a job, unanswered, the second time: two kills while the same email is being decided. What one email can
 *  do is bounded in the pipeline threads, so a bot that dies is not the job's fault; this only stops a job that
 *  somehow kills every bot that takes it. */
const MAX_STALLED = 5;

/** How long a stopping worker waits for its jobs in hand. */
const CLOSE_GRACE_MS = 20_000;

export function startWorker<T>(ctx: ServiceContext, queue: string, processor: Processor<T>, options: Partial<WorkerOptions> = {}): Worker<T> {
  // Each worker has its own connection: blocking commands must not hold up the shared one.
  const connection = ctx.redis.duplicate();
  const worker = new Worker<T>(queue, processor, { connection, prefix: ctx.bullPrefix, autorun: true, maxStalledCount: MAX_STALLED, ...options });
  // BullMQ never closes a connection it was handed; left open, it keeps the process alive after a clean stop.
  worker.on('closed', () => void connection.quit().catch(() => connection.disconnect()));
  worker.on('failed', (job, err) => ctx.log.warn({ queue, jobId: job?.id, attempts: job?.attemptsMade, err }, 'job failed'));
  worker.on('error', (err) => {
    // With the shared connection down, the worker's two fail with it at every retry: the outage says so once.
    if (ctx.redis.status !== 'ready') ctx.redisOutage.failed(err);
    else ctx.log.error({ queue, err }, 'worker error');
  });
  return worker;
}

/**
 * Closes a worker, waiting CLOSE_GRACE_MS at most: BullMQ's close waits for the jobs in hand, and after a Redis outage
 * the intake worker's never returned (its blocking connection's end never came), so a SIGTERM did not stop the bot.
 * Past the grace its connection is dropped and the stop goes on; jobs it held are taken up again at the next start,
 * as a killed bot's are.
 */
export async function closeWorker(worker: Worker, log: Logger): Promise<void> {
  const inTime = await Promise.race([worker.close().then(() => true), sleep(CLOSE_GRACE_MS, false, { ref: false })]);
  if (inTime) return;
  log.warn({ queue: worker.name, graceSeconds: CLOSE_GRACE_MS / 1000 }, 'worker did not close in time; its jobs in hand are taken up again at the next start');
  (worker.opts.connection as Redis).disconnect();
}
