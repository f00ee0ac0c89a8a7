// A fresh stage per poller test on the real local services: its own IMAP folder, Redis key prefix, queue and data dir.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Queue } from 'bullmq';
import { ImapFlow } from 'imapflow';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { projectRoot, readServicesEnv, type ServicesEnv } from '../../scripts/services/services-env.ts';
import type { PollerDeps, PollerSettings } from '../../src/poller/index.ts';
import type { IntakeJob } from '../../src/service/jobs.ts';

export interface Stage {
  env: ServicesEnv;
  folder: string;
  settings: PollerSettings;
  deps: PollerDeps;
  /** A connection of the test's own to the city mailbox, for APPENDs and looks at flags. */
  imap: ImapFlow;
  dispose(): Promise<void>;
}

export async function startServices(): Promise<ServicesEnv> {
  await promisify(execFile)('bash', [join(projectRoot, 'scripts/services/up.sh')], { timeout: 600_000 });
  return readServicesEnv();
}

export async function cityImap(env: ServicesEnv): Promise<ImapFlow> {
  const client = new ImapFlow({ ...env.imap, secure: false, doSTARTTLS: false, auth: { user: env.city.address, pass: env.city.password }, logger: false, disableAutoIdle: true });
  await client.connect();
  return client;
}

/** A folder of the city mailbox only this test reads, and everything else named after it. */
export async function openStage(env: ServicesEnv, overrides: Partial<PollerSettings> = {}): Promise<Stage> {
  const id = randomUUID().slice(0, 8);
  const folder = `poller-test-${id}`;
  const imap = await cityImap(env);
  await imap.mailboxCreate(folder);
  const redis = new Redis(env.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue<IntakeJob>(`intake-${id}`, { connection: redis, prefix: `poller-test-${id}` });
  const settings: PollerSettings = {
    imap: { ...env.imap, secure: false, user: env.city.address, pass: env.city.password },
    mailbox: folder,
    dataDir: await mkdtemp(join(tmpdir(), 'poller-test-')),
    keyPrefix: `poller-test-${id}:`,
    // Short waits keep the tests quick; the logic is the same as with the production defaults.
    pollIntervalMs: 300,
    watchdogIntervalMs: 1_000,
    watchdogTimeoutMs: 1_000,
    socketTimeoutMs: 5_000,
    lockTtlMs: 1_500,
    reconnectMinMs: 100,
    reconnectMaxMs: 1_000,
    imapLogLevel: 'silent',
    ...overrides,
  };
  const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  return {
    env,
    folder,
    settings,
    deps: { redis, queue, log },
    imap,
    dispose: async () => {
      await imap.mailboxDelete(folder).catch(() => undefined);
      await imap.logout();
      await queue.obliterate({ force: true });
      await queue.close();
      const keys = await redis.keys(`${settings.keyPrefix}*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
      await rm(settings.dataDir, { recursive: true, force: true });
    },
  };
}

/** A small plain message; `tag` makes its bytes (and so its email id) unique. */
export function rawEmail(tag: string, extraBody = ''): Buffer {
  return Buffer.from(
    [
      'From: =?UTF-8?B?5rmY6Zi05Y6/?= <xyxjyj@126.com>',
      'To: yysyj@126.com',
      `Subject: =?UTF-8?B?${Buffer.from(`湘阴县专题资源推荐表 ${tag}`).toString('base64')}?=`,
      `Message-ID: <${tag}@county.test>`,
      'Date: Fri, 01 Jul 2022 14:20:11 +0800',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=UTF-8',
      '',
      `推荐表见附件。${extraBody}`,
      '',
    ].join('\r\n'),
  );
}

/** APPENDs a message with its INTERNALDATE and no flags (new, unseen mail); returns its UID. */
export async function appendEmail(stage: Stage, raw: Buffer, internalDate: Date): Promise<number> {
  const appended = await stage.imap.append(stage.folder, raw, [], internalDate);
  if (!appended || !appended.uid) throw new Error('APPEND gave no UID');
  return appended.uid;
}

export async function queuedJobs(stage: Stage): Promise<IntakeJob[]> {
  const jobs = await stage.deps.queue.getJobs(['waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized']);
  return jobs.map((job) => job.data).sort((a, b) => a.place.uid - b.place.uid);
}
