// How a reply job is retried. A reply fails mostly for our own side's trouble (a mistyped 授权码, SMTP_SECURE against a
// plain port, the 126 mailbox down for a while): it must wait for the fix, not be given up after minutes. The wait
// grows, so a bad minute costs little, and is capped, so a reply goes out minutes after the fix, not hours.
import type { Queue } from 'bullmq';
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
