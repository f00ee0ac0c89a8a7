// How a reply is retried. A reply fails mostly for our own side's trouble (a mistyped 授权码, SMTP_SECURE against a
// plain port, the 126 mailbox down for a while): it must wait for the fix, not be given up after minutes. The wait
// grows, so a bad minute costs little, and is capped, so a reply goes out minutes after the fix, not hours.
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ReplyJob } from './jobs.ts';

const FIRST_WAIT_MS = 15_000;
const LONGEST_WAIT_MS = 10 * 60_000;
/** How long a reply keeps being tried: over a long holiday weekend with nobody at the bot. */
const KEEP_TRYING_MS = 7 * 24 * 3600_000;

/** The wait before the next try, after `attemptsMade` failed ones (BullMQ's custom backoff strategy). */
export function replyRetryDelayMs(attemptsMade: number): number {
  return Math.min(FIRST_WAIT_MS * 2 ** Math.max(attemptsMade - 1, 0), LONGEST_WAIT_MS);
}

/** Enough tries for the waits between them to add up to KEEP_TRYING_MS (about a thousand). */
export const REPLY_ATTEMPTS = (() => {
  let attempts = 1;
  for (let waited = 0; waited < KEEP_TRYING_MS; attempts += 1) waited += replyRetryDelayMs(attempts);
  return attempts;
})();

/** The reply job's retry options; the reply worker's `settings.backoffStrategy` is replyRetryDelayMs. */
export const REPLY_RETRIES = { attempts: REPLY_ATTEMPTS, backoff: { type: 'reply' } } as const;

/**
 * At start, waiting replies are tried at once: a restart most likely follows a fixed setting, and the waits so far
 * (up to LONGEST_WAIT_MS) were for the old one. The reply queue's delayed jobs are only retries (the per-minute limit
 * keeps jobs waiting, the per-sender limit holds a reply without delay), so promoting them all delays nothing else.
 * A reply job that ran out of tries is given them all again when `stillOwed` says so (not held, not refused for good).
 */
export async function tryWaitingRepliesNow(queue: Queue<ReplyJob>, stillOwed: (job: ReplyJob) => Promise<boolean>): Promise<number> {
  const delayed = await queue.getDelayedCount();
  if (delayed > 0) await queue.promoteJobs();
  let failed = 0;
  for (const job of await queue.getFailed()) {
    if (!job || !(await stillOwed(job.data))) continue;
    // Another bot process starting at the same time may have taken it up first: then it is no longer failed.
    const retried = await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true }).then(() => true, () => false);
    if (retried) failed += 1;
  }
  return delayed + failed;
}

// Our side's trouble other than a server's bad minute (the login, the connection or TLS settings, the sender address)
// is the same for every reply, so one reply at a time finds it out: the first to fail pauses the reply queue, in every
// bot process on this Redis, for a wait that grows while the trouble lasts, and goes back to the head of the queue,
// its tries untouched. A mistyped 授权码 then costs one refused login a pause, not one for each reply owed (a mail
// server may lock an account after a burst of them), and no reply runs out of tries however long the fix takes.
const troubleKey = (keyPrefix: string) => `${keyPrefix}smtp-trouble`;

/** Pauses the reply queue after another try refused for our side's trouble; returns the pause. */
export async function pauseReplies(redis: Redis, keyPrefix: string, queue: Queue<ReplyJob>): Promise<number> {
  const pauseMs = replyRetryDelayMs(await redis.incr(troubleKey(keyPrefix)));
  await queue.rateLimit(pauseMs);
  return pauseMs;
}

/** A reply went out: the next trouble pauses from the shortest wait again. */
export async function smtpTroubleOver(redis: Redis, keyPrefix: string): Promise<void> {
  await redis.del(troubleKey(keyPrefix));
}

/** At start the pause is lifted, as waiting replies are tried at once (above): it was for the settings before. */
export async function liftReplyPause(redis: Redis, keyPrefix: string, queue: Queue<ReplyJob>): Promise<boolean> {
  if (!(await redis.del(troubleKey(keyPrefix)))) return false;
  await queue.removeRateLimitKey();
  return true;
}
