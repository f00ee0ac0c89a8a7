// A failure anywhere in the start sequence: what had started is stopped and `npm start`'s process exits non-zero, so a
// process manager (Docker's restart:) starts it again and the operator sees it, rather than half a bot answering mail
// with no signal handlers. On the real local services.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ServicesEnv } from '../../scripts/services/services-env.ts';
import { startBot } from '../../src/service/bot.ts';
import { QUEUE } from '../../src/service/jobs.ts';
import { tempDirForTest } from '../temp-dir.ts';
import { startCommand } from './bot-process.ts';
import { assertBuildCurrent } from './build-current.ts';
import { openStage, startServices, type Stage } from './harness.ts';

let env: ServicesEnv;
let stage: Stage | undefined;

beforeAll(async () => {
  env = await startServices();
}, 620_000);

afterEach(async () => {
  await stage?.dispose();
  stage = undefined;
});

describe('a bot that cannot start', () => {
  it('stops the workers and the poller it had started before it fails', async () => {
    stage = await openStage(env, 'cannot-start');
    // The digest schedule is the last step; an hour 25 (which loadConfig refuses: this Config is made here) fails there.
    const config = { ...stage.config, digestCron: '0 25 * * *' };
    await expect(startBot(config, { bullPrefix: stage.bullPrefix, keyPrefix: stage.keyPrefix, log: stage.log }))
      .rejects.toThrow('expected range 0-23');
    // Long enough for a worker or poller left running to have connected and taken the lock (milliseconds each).
    await sleep(1_500);
    const queues = Object.values(QUEUE).map((name) => new Queue(name, { connection: stage!.redis, prefix: stage!.bullPrefix }));
    try {
      for (const queue of queues) expect(await queue.getWorkers(), queue.name).toEqual([]);
    } finally {
      await Promise.all(queues.map((q) => q.close()));
    }
    expect(await stage.redis.keys(`${stage.keyPrefix}poller:lock:*`)).toEqual([]);
  });

  it('`npm start`: its process exits with status 1', async () => {
    assertBuildCurrent();
    stage = await openStage(env, 'cannot-start-process');
    // A campaign id of the test's own: the process runs on that campaign's default prefixes.
    const id = `cannot-start-${stage.tag}`;
    const campaign = join(tempDirForTest('cannot-start-'), 'campaign.yaml');
    await writeFile(campaign, (await readFile('rules/campaign-2022.yaml', 'utf8')).replace(/^id: .*$/m, `id: ${id}`));
    // A Redis key of the wrong type where the digest schedule goes: the last start-up step fails (WRONGTYPE).
    const scheduleKey = `intake-bot:${id}:bull:${QUEUE.digest}:repeat`;
    await stage.redis.set(scheduleKey, 'not a schedule');
    try {
      const { variables, nodeFlags } = startCommand();
      const child = spawn(process.execPath, [...nodeFlags, 'dist/src/service/main.js'], {
        env: { ...variables, ...process.env, ...stage.variables, CAMPAIGN: campaign, LOG_LEVEL: 'info' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const [code, signal] = await once(child, 'exit') as [number | null, NodeJS.Signals | null];
      clearTimeout(timer);
      expect({ code, signal }).toEqual({ code: 1, signal: null });
      const failure = stderr.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>)
        .find((line) => line.msg === 'could not start');
      expect(failure?.err).toMatchObject({ message: expect.stringContaining('WRONGTYPE') });
      // The service logs ISO-8601 times, not epoch milliseconds.
      expect(failure?.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    } finally {
      const keys = await stage.redis.keys(`intake-bot:${id}:*`);
      if (keys.length) await stage.redis.del(...keys);
    }
  });
});
