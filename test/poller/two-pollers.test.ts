// Two bot processes on one mailbox poll it as one: one holds the lock, the other waits and takes over if it dies.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { projectRoot, type ServicesEnv } from '../../scripts/services/services-env.ts';
import { startPoller, type PollerHandle } from '../../src/poller/index.ts';
import { emailIdOf } from '../../src/service/jobs.ts';
import { appendEmail, openStage, queuedJobs, rawEmail, startServices, type Stage } from './poller-fixture.ts';

let env: ServicesEnv;
let stage: Stage;
let pollers: PollerHandle[] = [];
let child: ChildProcess | undefined;

beforeAll(async () => {
  env = await startServices();
}, 620_000);

afterEach(async () => {
  child?.kill('SIGKILL');
  await Promise.all(pollers.map((poller) => poller.stop()));
  await stage?.dispose();
  pollers = [];
  child = undefined;
});

const received = new Date('2022-07-01T06:20:11Z');
const eventually = { timeout: 20_000, interval: 100 };

async function queuedIds(): Promise<string[]> {
  return (await queuedJobs(stage)).map((job) => job.emailId);
}

/** Starts a poller in another process and resolves once that process holds the mailbox's lock. */
async function startPollerProcess(): Promise<ChildProcess> {
  const { name, opts } = stage.deps.queue;
  const argument = JSON.stringify({ settings: stage.settings, redisUrl: env.redisUrl, queueName: name, queuePrefix: opts.prefix });
  const started = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'test/poller/poller-child.ts'), argument], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(started.stdout!, 'data')) as [Buffer];
  expect(line.toString()).toContain('holding');
  return started;
}

describe('two pollers on one mailbox', () => {
  it('only one of them polls, and each message is queued once', async () => {
    stage = await openStage(env);
    pollers = [startPoller(stage.settings, stage.deps), startPoller(stage.settings, stage.deps)];
    await vi.waitFor(() => expect(pollers.filter((poller) => poller.stats().holdsLock)).toHaveLength(1), eventually);
    const emails = ['one', 'two', 'three'].map((tag) => rawEmail(tag));
    for (const email of emails) await appendEmail(stage, email, received);
    await vi.waitFor(async () => expect(await queuedIds()).toEqual(emails.map(emailIdOf)), eventually);
    const [first, second] = pollers.map((poller) => poller.stats());
    expect(first.handedOff + second.handedOff).toBe(3);
    expect([first.connections, second.connections].sort()).toEqual([0, 1]);
  });

  it('when the polling process dies, the waiting one takes over and new mail still arrives', async () => {
    stage = await openStage(env);
    child = await startPollerProcess();
    const survivor = startPoller(stage.settings, stage.deps);
    pollers = [survivor];
    const before = rawEmail('before-death');
    await appendEmail(stage, before, received);
    await vi.waitFor(async () => expect(await queuedIds()).toEqual([emailIdOf(before)]), eventually);
    expect(survivor.stats()).toMatchObject({ holdsLock: false, handedOff: 0 });
    // SIGKILL: no clean logout, no lock release; the lock's lifetime runs out instead.
    child.kill('SIGKILL');
    const after = rawEmail('after-death');
    await appendEmail(stage, after, received);
    await vi.waitFor(async () => expect(await queuedIds()).toEqual([emailIdOf(before), emailIdOf(after)]), eventually);
    expect(survivor.stats()).toMatchObject({ holdsLock: true, handedOff: 1 });
  });
});
