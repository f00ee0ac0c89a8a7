// What a starting bot does with replies still owed, on a real BullMQ queue in the local Redis: a reply waiting out a
// retry's delay is tried at once; one that ran out of tries is given them again unless it was held or refused for good;
// a pause of all replies for our side's SMTP trouble is lifted.
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liftReplyPause, pauseReplies, REPLY_RETRIES, smtpTroubleOver, tryWaitingRepliesNow } from '../../src/service/reply-retry.ts';
import type { ReplyJob } from '../../src/service/jobs.ts';
import { dropPrefix, localRedisUrl, uniquePrefix } from '../ledger/redis-for-tests.ts';

let redis: Redis;
let prefix: string;
let queue: Queue<ReplyJob>;
const job = (emailId: string) => ({ intake: { emailId }, verdict: {} }) as unknown as ReplyJob;

beforeAll(async () => {
  redis = new Redis(await localRedisUrl(), { maxRetriesPerRequest: null });
  prefix = uniquePrefix();
  queue = new Queue<ReplyJob>('reply', { connection: redis, prefix });
});
afterAll(async () => {
  await queue.close();
  await dropPrefix(redis, prefix);
  await redis.quit();
});

/** Two replies whose only try failed (the SMTP login refused): one still owed, one refused for good since. */
async function failedOnce(emailIds: string[]): Promise<void> {
  for (const emailId of emailIds) await queue.add('send', job(emailId), { jobId: emailId, attempts: 1 });
  const connection = redis.duplicate();
  const worker = new Worker<ReplyJob>('reply', async () => { throw new Error('SMTP login refused'); }, { connection, prefix });
  try {
    for (let waited = 0; (await queue.getFailedCount()) < emailIds.length; waited += 50) {
      if (waited > 20_000) throw new Error('the jobs never failed');
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await worker.close();
    await connection.quit();
  }
}

describe('replies still owed when the bot starts', () => {
  it('are tried at once, the waiting and the ones out of tries; refused or held ones are left', async () => {
    await queue.add('send', job('waiting'), { jobId: 'waiting', delay: 600_000, ...REPLY_RETRIES });
    await failedOnce(['owed', 'refused']);
    const tried = await tryWaitingRepliesNow(queue, async ({ intake }) => intake.emailId !== 'refused');
    expect(tried).toBe(2);
    expect(await queue.getJobState('waiting')).toBe('waiting');
    expect(await queue.getJobState('owed')).toBe('waiting');
    expect((await queue.getJob('owed'))!.attemptsMade).toBe(0);
    expect(await queue.getJobState('refused')).toBe('failed');
  });
});

describe('the pause of all replies while our SMTP login or connection fails', () => {
  it('grows while the trouble lasts, starts short again after a reply went out, and is lifted at start', async () => {
    expect(await pauseReplies(redis, prefix, queue)).toBe(15_000);
    expect(await pauseReplies(redis, prefix, queue)).toBe(30_000);
    expect(await queue.getRateLimitTtl()).toBeGreaterThan(15_000);
    await smtpTroubleOver(redis, prefix);
    expect(await pauseReplies(redis, prefix, queue)).toBe(15_000);
    expect(await liftReplyPause(redis, prefix, queue)).toBe(true);
    expect(await queue.getRateLimitTtl()).toBeLessThanOrEqual(0);
    // Nothing to lift: the per-minute limit's count is left alone.
    expect(await liftReplyPause(redis, prefix, queue)).toBe(false);
  });
});
