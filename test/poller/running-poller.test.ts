// The long-running poller against the real Dovecot and Redis: IDLE, forced polling, catch-up, drops, dead lines.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ServicesEnv } from '../../scripts/services/services-env.ts';
import { startPoller, type PollerHandle } from '../../src/poller/index.ts';
import { emailIdOf } from '../../src/service/jobs.ts';
import { appendEmail, openStage, queuedJobs, rawEmail, startServices, type Stage } from './poller-fixture.ts';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.ts';

let env: ServicesEnv;
let stage: Stage;
let poller: PollerHandle | undefined;
let proxy: TcpProxy | undefined;

beforeAll(async () => {
  env = await startServices();
}, 620_000);

afterEach(async () => {
  await poller?.stop();
  await proxy?.close();
  await stage?.dispose();
  poller = proxy = undefined;
});

const received = new Date('2022-07-01T06:20:11Z');
// Bounded waits for something the poller does in the background; none of them asserts how long it took.
const eventually = { timeout: 20_000, interval: 100 };

async function queuedIds(): Promise<string[]> {
  return (await queuedJobs(stage)).map((job) => job.emailId);
}

describe('the running poller', () => {
  it('on start it catches up with mail that arrived while it was not running', async () => {
    stage = await openStage(env);
    const waiting = rawEmail('waiting');
    await appendEmail(stage, waiting, received);
    poller = startPoller(stage.settings, stage.deps);
    await vi.waitFor(async () => expect(await queuedIds()).toEqual([emailIdOf(waiting)]), eventually);
  });

  it('with IDLE, new mail is handed off when the server announces it, with no poll or watchdog round due', async () => {
    stage = await openStage(env, { watchdogIntervalMs: 600_000, pollIntervalMs: 600_000, socketTimeoutMs: 600_000 });
    poller = startPoller(stage.settings, stage.deps);
    await vi.waitFor(() => expect(poller?.stats().lastCaughtUpAt).not.toBeNull(), eventually);
    const fresh = rawEmail('idle');
    await appendEmail(stage, fresh, received);
    await vi.waitFor(async () => expect(await queuedIds()).toEqual([emailIdOf(fresh)]), eventually);
  });

  it('with polling forced, new mail is found on the next round', async () => {
    stage = await openStage(env, { mode: 'poll', pollIntervalMs: 200 });
    poller = startPoller(stage.settings, stage.deps);
    await vi.waitFor(() => expect(poller?.stats().lastCaughtUpAt).not.toBeNull(), eventually);
    const fresh = rawEmail('polled');
    await appendEmail(stage, fresh, received);
    await vi.waitFor(async () => expect(await queuedIds()).toEqual([emailIdOf(fresh)]), eventually);
  });

  it('a connection closed by the server is reconnected, and mail arriving meanwhile still arrives', async () => {
    proxy = await startTcpProxy(env.imap);
    stage = await openStage(env);
    poller = startPoller({ ...stage.settings, imap: { ...stage.settings.imap, port: proxy.port } }, stage.deps);
    await vi.waitFor(() => expect(poller?.stats().lastCaughtUpAt).not.toBeNull(), eventually);
    proxy.dropAll();
    const during = rawEmail('during-drop');
    await appendEmail(stage, during, received);
    await vi.waitFor(async () => expect(await queuedIds()).toEqual([emailIdOf(during)]), eventually);
    expect(poller.stats().connections).toBeGreaterThanOrEqual(2);
  });

  it('a connection that goes silent between commands is found dead by the NOOP watchdog and replaced', async () => {
    proxy = await startTcpProxy(env.imap);
    // IDLE alone would wait forever on a silent line, and the socket timeout is out of reach: only NOOP can notice.
    stage = await openStage(env, { watchdogIntervalMs: 500, watchdogTimeoutMs: 500, socketTimeoutMs: 600_000 });
    poller = startPoller({ ...stage.settings, imap: { ...stage.settings.imap, port: proxy.port } }, stage.deps);
    await vi.waitFor(() => expect(poller?.stats().lastCaughtUpAt).not.toBeNull(), eventually);
    proxy.freezeAll();
    const during = rawEmail('during-silence');
    await appendEmail(stage, during, received);
    await vi.waitFor(async () => expect(await queuedIds()).toEqual([emailIdOf(during)]), eventually);
    expect(poller.stats().connections).toBeGreaterThanOrEqual(2);
  });

  it('a connection that goes silent during a command is given up after the socket timeout and replaced', async () => {
    proxy = await startTcpProxy(env.imap);
    // Polling sends a command every round; the NOOP watchdog's own limit is out of reach here.
    stage = await openStage(env, { mode: 'poll', pollIntervalMs: 200, watchdogTimeoutMs: 600_000, socketTimeoutMs: 1_000 });
    poller = startPoller({ ...stage.settings, imap: { ...stage.settings.imap, port: proxy.port } }, stage.deps);
    await vi.waitFor(() => expect(poller?.stats().lastCaughtUpAt).not.toBeNull(), eventually);
    proxy.freezeAll();
    const during = rawEmail('during-stall');
    await appendEmail(stage, during, received);
    await vi.waitFor(async () => expect(await queuedIds()).toEqual([emailIdOf(during)]), eventually);
    expect(poller.stats().connections).toBeGreaterThanOrEqual(2);
  });

  it('stopping closes the connection and frees the lock for the next process', async () => {
    stage = await openStage(env);
    poller = startPoller(stage.settings, stage.deps);
    await vi.waitFor(() => expect(poller?.stats().holdsLock).toBe(true), eventually);
    await poller.stop();
    expect(await stage.deps.redis.keys(`${stage.settings.keyPrefix}poller:lock:*`)).toEqual([]);
  });

  it('stopped while it is still taking the lock, it ends and frees the lock (a bot that failed to start)', async () => {
    stage = await openStage(env);
    poller = startPoller(stage.settings, stage.deps);
    await poller.stop();
    expect(poller.stats().connections).toBe(0);
    expect(await stage.deps.redis.keys(`${stage.settings.keyPrefix}poller:lock:*`)).toEqual([]);
  });
});
