// A job left behind by a bot that was killed while running it is taken up again, also the second time: BullMQ's
// default fails it, unanswered, on its second stall. Real worker processes (the service's startWorker) on the local
// Redis, SIGKILLed while they hold the job.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/services/services-env.ts';
import { dropPrefix, localRedisUrl, uniquePrefix } from '../ledger/redis-for-tests.ts';

let url: string;
let prefix: string;
let queue: Queue;
const children: ChildProcess[] = [];

beforeAll(async () => {
  url = await localRedisUrl();
  prefix = uniquePrefix();
  queue = new Queue('stall-test', { connection: new Redis(url, { maxRetriesPerRequest: null }), prefix });
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await queue.close();
  const redis = new Redis(url);
  await dropPrefix(redis, prefix);
  await redis.quit();
});

function worker(mode: 'hang' | 'finish'): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'test/service-unit/stalling-worker.ts'), url, prefix, mode], { stdio: 'inherit' });
  children.push(child);
  return child;
}

/** Waits until the job is in `state` and has been started `started` times (a killed worker's job stays active until
 *  BullMQ sees its lock gone and hands it out again). */
async function until(jobId: string, state: string, started = 0): Promise<void> {
  for (let waited = 0; waited < 30_000; waited += 100) {
    const job = await queue.getJob(jobId);
    if ((await queue.getJobState(jobId)) === state && job!.attemptsStarted >= started) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${jobId} never ${state} after ${started} starts: ${await queue.getJobState(jobId)}`);
}

describe('a job whose worker process is killed while it runs', () => {
  it('is taken up again after two kills and finished by the next worker', async () => {
    const job = await queue.add('email', {}, { jobId: 'killed-twice' });
    for (let kill = 1; kill <= 2; kill++) {
      const holder = worker('hang');
      await until(job.id!, 'active', kill);
      holder.kill('SIGKILL');
      await once(holder, 'exit');
    }
    worker('finish');
    await until(job.id!, 'completed');
    const done = (await queue.getJob(job.id!))!;
    expect(done.attemptsStarted).toBe(3);
    expect(done.stalledCounter).toBe(2);
    expect(done.returnvalue).toBe('done');
  }, 60_000);
});
