// The running bot on the real local services, one isolated stage per test file: its own city folder, DATA_DIR,
// BullMQ prefix and Redis key prefix; fixture emails with fresh Message-IDs; waits until the bot has handled them.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { simpleParser } from 'mailparser';
import { pino, type Logger } from 'pino';
import { vi } from 'vitest';
import { accountOf, type ServicesEnv } from '../../scripts/services/services-env.ts';
import { loadConfig, type Config } from '../../src/config/config.ts';
import { readLedger } from '../../src/ledger/ledger-store.ts';
import type { LedgerRecord } from '../../src/ledger/ledger-types.ts';
import { startBot, type Bot } from '../../src/service/bot.ts';
import { ledgerPrefixOf } from '../../src/service/service-context.ts';
import type { Expected } from '../fixtures/email-kit/cases.ts';
import { removeRunMail, withAccount } from './mail-lookup.ts';

export { startServices } from '../poller/poller-fixture.ts';

const EML_DIR = 'test/fixtures/eml';
export const SAMPLE = 'test/fixtures/samples/湘阴县-accepted.eml';
export const expected = JSON.parse(readFileSync(`${EML_DIR}/expected.json`, 'utf8')) as Record<string, Expected>;
export const fixture = (name: string) => `${EML_DIR}/${name}`;

export interface Stage {
  env: ServicesEnv;
  /** Unique per run: in the folder name, the prefixes and every fresh Message-ID. */
  tag: string;
  folder: string;
  /** The environment `npm start` would be given for this stage. */
  variables: Record<string, string>;
  config: Readonly<Config>;
  bullPrefix: string;
  keyPrefix: string;
  /** The test's own Redis connection, to read the bot's state. */
  redis: Redis;
  log: Logger;
  dispose(): Promise<void>;
}

/** `overrides`: the test's own values for service variables (over the stage's). */
export async function openStage(env: ServicesEnv, name: string, overrides: Record<string, string> = {}): Promise<Stage> {
  const tag = `${name}-${randomUUID().slice(0, 8)}`;
  const folder = `service-test-${tag}`;
  await withAccount(env, env.city, (c) => c.mailboxCreate(folder));
  const dataDir = await mkdtemp(join(tmpdir(), 'service-test-'));
  // The services' own variables, as `npm start` reads them; only the folder and data dir are the test's.
  const variables = { ...env.variables, IMAP_MAILBOX: folder, DATA_DIR: dataDir, REPLIES_PER_MINUTE: '600', LEDGER_FILE_DELAY_SECONDS: '1', ...overrides };
  const redis = new Redis(env.redisUrl, { maxRetriesPerRequest: null });
  // BullMQ's keys and the bot's own must not meet: `<bull>:reply:<emailId>` would be the reply marks' key too.
  const prefix = `service-test-${tag}`;
  const stage = { env, tag, folder, variables, config: loadConfig(variables), bullPrefix: `${prefix}:bull`, keyPrefix: `${prefix}:bot:`, redis };
  return {
    ...stage,
    log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    dispose: async () => {
      await withAccount(env, env.city, (c) => c.mailboxDelete(folder)).catch(() => undefined);
      await removeRunMail(env, tag);
      await deleteKeys(redis, `${prefix}:*`);
      redis.disconnect();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function deleteKeys(redis: Redis, pattern: string): Promise<void> {
  for await (const keys of redis.scanStream({ match: pattern, count: 500 }) as AsyncIterable<string[]>) {
    if (keys.length) await redis.del(...keys);
  }
}

/** The bot in this process, exactly as `npm start` composes it, on the stage's prefixes. */
export function startStageBot(stage: Stage): Promise<Bot> {
  return startBot(stage.config, { bullPrefix: stage.bullPrefix, keyPrefix: stage.keyPrefix, log: stage.log });
}

export interface CountyEmail {
  file: string;
  raw: Buffer;
  messageId: string;
  /** Who the bot should answer (the From) and the local mailbox that receives it. */
  sender: string;
  mailbox: string;
}

/** A fixture with its Message-ID made unique to the run, so its reply and filing are told apart from other runs'. */
export async function freshCopy(stage: Stage, file: string): Promise<CountyEmail> {
  const text = readFileSync(file).toString('latin1');
  const headerEnd = text.search(/\r?\n\r?\n/);
  const header = text.slice(0, headerEnd).replace(/^Message-ID:\s*<([^@>]+)@([^>]+)>/im, `Message-ID: <$1.${stage.tag}@$2>`);
  const raw = Buffer.from(header + text.slice(headerEnd), 'latin1');
  const mail = await simpleParser(raw);
  if (!mail.messageId?.includes(stage.tag)) throw new Error(`${file} has no Message-ID to make unique`);
  const sender = mail.from?.value[0]?.address?.toLowerCase() ?? '';
  const local = stage.env.accounts.some((a) => a.address === sender);
  return { file, raw, messageId: mail.messageId, sender, mailbox: local ? accountOf(stage.env, sender).address : stage.env.catchallAddress };
}

/** APPENDs a county email to the stage's city folder as new, unread mail with the given INTERNALDATE. */
export async function deliver(stage: Stage, email: CountyEmail, internalDate: string): Promise<void> {
  await withAccount(stage.env, stage.env.city, (c) => c.append(stage.folder, email.raw, [], new Date(internalDate)));
}

/** What the bot did with one email so far: its ledger record and the reply steps it completed. */
export interface Handled { record: LedgerRecord; replySteps: string[] }

export async function handledEmails(stage: Stage): Promise<Handled[]> {
  const { records } = await readLedger(stage.redis, ledgerPrefixOf(stage.keyPrefix));
  return Promise.all(records.map(async (record) => ({
    record, replySteps: Object.keys(await stage.redis.hgetall(`${stage.keyPrefix}reply:${record.entry.emailId}`)),
  })));
}

const isDone = ({ record, replySteps }: Handled) => record.entry.verdict.decision === 'ignore' || replySteps.includes('filed');

/** Waits (bounded, no timing asserted) until `count` emails are in the ledger and every answer is sent and filed. */
export async function waitUntilHandled(stage: Stage, count: number, timeout = 300_000): Promise<Handled[]> {
  return vi.waitFor(async () => {
    const handled = await handledEmails(stage);
    if (handled.length < count || !handled.every(isDone)) throw new Error(`${handled.filter(isDone).length}/${count} handled`);
    return handled;
  }, { timeout, interval: 500 });
}

/** The ledger record of the email with this Message-ID. */
export function recordOf(handled: Handled[], email: CountyEmail): LedgerRecord | undefined {
  return handled.find((h) => h.record.entry.verdict.messageId === email.messageId)?.record;
}
