// The answers staff must be told about: a verdict whose reply was held by the per-sender limit, refused for good by
// the mail server, or is waiting while our own SMTP login or connection fails, read from the reply stage's marks in a
// real Redis; sent replies and ignored mail are not named. A refusal of the recipient is marked by the reply stage
// itself, and the job ends without retrying; a refused login is marked waiting and pauses every reply, the job going
// back to the queue.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, UnrecoverableError } from 'bullmq';
import { Redis } from 'ioredis';
import nodemailer from 'nodemailer';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveEmail } from '../../src/archive/archive-email.ts';
import type { MailboxSession } from '../../src/mailbox/mailbox-session.ts';
import { runReply, unsentReplies } from '../../src/service/stages/reply-stage.ts';
import { campaign, check, countyEmail, goodDocx, goodPdf } from '../hostile/hostile-kit.ts';
import type { ServiceContext } from '../../src/service/service-context.ts';
import type { LedgerRecord } from '../../src/ledger/ledger-types.ts';
import { entryOf } from '../ledger/ledger-builders.ts';
import { dropPrefix, localRedisUrl, uniquePrefix } from '../ledger/redis-for-tests.ts';

const record = (decision: 'accept' | 'reject' | 'ignore'): LedgerRecord => ({
  entry: entryOf({ unit: decision === 'ignore' ? null : '平江县', decision, receivedAt: '2022-07-01T10:00:00+08:00' }),
  filing: null,
});

let redis: Redis;
let keyPrefix: string;
let replyQueue: Queue;
const dataDir = mkdtempSync(join(tmpdir(), 'unsent-replies-'));
beforeAll(async () => {
  redis = new Redis(await localRedisUrl());
  keyPrefix = uniquePrefix();
  replyQueue = new Queue('reply', { connection: redis, prefix: keyPrefix });
});
afterAll(async () => {
  await replyQueue.close();
  await dropPrefix(redis, keyPrefix);
  await redis.quit();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('replies that did not go out', () => {
  it('are the held, the refused and the waiting ones, with the server\'s answer', async () => {
    const [sent, held, refused, heldThenSent, notTried, waiting, waitedThenSent, ignored, answeredByStaff] = [record('accept'),
      record('accept'), record('reject'), record('accept'), record('accept'), record('accept'), record('accept'), record('ignore'),
      record('accept')];
    const marks = (r: LedgerRecord, fields: Record<string, string>) => redis.hset(`${keyPrefix}reply:${r.entry.emailId}`, fields);
    await marks(sent, { sent: 't', copied: 't', filed: 't' });
    await marks(held, { held: 't' });
    await marks(refused, { refused: 'SMTP refused permanently (550): no such user' });
    await marks(heldThenSent, { held: 't', sent: 't' });
    await marks(waiting, { waiting: JSON.stringify({ trouble: 'login', detail: 'Invalid login: 535 Authentication failed' }) });
    await marks(waitedThenSent, { waiting: JSON.stringify({ trouble: 'connection', detail: 'wrong version number' }), sent: 't' });
    await marks(ignored, { held: 't' });
    // Staff answered it from their mail client while it waited: the bot's reply was not sent, and is not owed.
    await marks(answeredByStaff, { waiting: JSON.stringify({ trouble: 'login', detail: '535' }), 'answered-by-staff': 't' });
    const ctx = { redis, keyPrefix } as unknown as ServiceContext;
    const unsent = await unsentReplies(ctx, [sent, held, refused, heldThenSent, notTried, waiting, waitedThenSent, ignored, answeredByStaff]);
    expect(unsent.map((u) => [u.record, u.why, u.detail])).toEqual([
      [held, 'held', ''],
      [refused, 'refused', 'SMTP refused permanently (550): no such user'],
      [waiting, 'login', 'Invalid login: 535 Authentication failed'],
    ]);
  });
});

/** A transport whose server fails every send with `error`, shaped as nodemailer's smtp-connection shapes it. */
const failingWith = (error: object) => nodemailer.createTransport({
  name: 'failing', version: '1',
  send: (_mail: unknown, done: (err: Error | null) => void) => done(Object.assign(new Error('failed'), error)),
});

/** Runs the reply stage on a fresh county email through `transport`; returns what it threw and the email's id. */
async function replyThrough(transport: ReturnType<typeof failingWith>): Promise<{ thrown: unknown; emailId: string; ctx: ServiceContext }> {
  const raw = countyEmail([goodDocx(), goodPdf()], { messageId: `<${randomUUID()}@county.test>` });
  const { emailId, archivePath } = await archiveEmail(dataDir, raw);
  const verdict = await check(raw);
  const ctx = {
    redis, keyPrefix, campaign, log: pino({ level: 'silent' }), queues: { reply: replyQueue },
    config: { dataDir, mailFrom: campaign.collector.mailbox, repliesPerSenderPerHour: 10 },
  } as unknown as ServiceContext;
  const intake = { emailId, archivePath, place: { mailbox: 'INBOX', uidValidity: '1', uid: 7 }, internalDate: '2022-07-01T10:00:00+08:00' };
  const thrown = await runReply(ctx, transport, {} as MailboxSession, { intake, verdict }).then(() => undefined, (err: unknown) => err);
  return { thrown, emailId, ctx };
}

const unsentWhy = async (ctx: ServiceContext, emailId: string) => {
  const accepted = record('accept');
  return (await unsentReplies(ctx, [{ ...accepted, entry: { ...accepted.entry, emailId } }])).map((u) => u.why);
};

describe('a reply the mail server refuses for good', () => {
  it('ends the job without a retry, marked refused with the answer, and is named as unsent', async () => {
    // Every recipient answered 550, as 126 does for an address that does not exist.
    const { thrown, emailId, ctx } = await replyThrough(failingWith({
      message: "Can't send mail - all recipients were rejected: 550 no such user", code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550,
    }));
    expect(thrown).toBeInstanceOf(UnrecoverableError);
    expect(await redis.hget(`${keyPrefix}reply:${emailId}`, 'refused')).toContain('550');
    expect(await unsentWhy(ctx, emailId)).toEqual(['refused']);
  });
});

describe('a reply our own mail server login refuses', () => {
  it('pauses every reply and goes back to the queue (no failed try), marked waiting with the login as the trouble, and named as unsent', async () => {
    const { thrown, emailId, ctx } = await replyThrough(failingWith({
      message: 'Invalid login: 535 Error: authentication failed', code: 'EAUTH', command: 'AUTH PLAIN', responseCode: 535,
    }));
    // BullMQ's own signal to put the job back to wait, the queue rate-limited meanwhile.
    expect(thrown).toMatchObject({ name: 'RateLimitError' });
    expect(await replyQueue.getRateLimitTtl()).toBeGreaterThan(10_000);
    const marks = await redis.hgetall(`${keyPrefix}reply:${emailId}`);
    expect(marks.refused).toBeUndefined();
    expect(marks.sent).toBeUndefined();
    expect(JSON.parse(marks.waiting)).toEqual({ trouble: 'login', detail: 'Invalid login: 535 Error: authentication failed' });
    expect(await unsentWhy(ctx, emailId)).toEqual(['login']);
  });
});
