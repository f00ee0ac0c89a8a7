// The answers staff must be told about: a verdict whose reply was held by the per-sender limit or refused for good
// by the mail server, read from the reply stage's marks in a real Redis; sent replies and ignored mail are not named.
// A 5xx refusal is marked by the reply stage itself, and the job ends without retrying.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnrecoverableError } from 'bullmq';
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
const dataDir = mkdtempSync(join(tmpdir(), 'unsent-replies-'));
beforeAll(async () => {
  redis = new Redis(await localRedisUrl());
  keyPrefix = uniquePrefix();
});
afterAll(async () => {
  await dropPrefix(redis, keyPrefix);
  await redis.quit();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('replies that did not go out', () => {
  it('are the held and the refused ones, with the server\'s answer', async () => {
    const [sent, held, refused, heldThenSent, waiting, ignored] = [record('accept'), record('accept'), record('reject'), record('accept'), record('accept'), record('ignore')];
    const marks = (r: LedgerRecord, fields: Record<string, string>) => redis.hset(`${keyPrefix}reply:${r.entry.emailId}`, fields);
    await marks(sent, { sent: 't', copied: 't', filed: 't' });
    await marks(held, { held: 't' });
    await marks(refused, { refused: 'SMTP refused permanently (550): no such user' });
    await marks(heldThenSent, { held: 't', sent: 't' });
    await marks(ignored, { held: 't' });
    const ctx = { redis, keyPrefix } as unknown as ServiceContext;
    const unsent = await unsentReplies(ctx, [sent, held, refused, heldThenSent, waiting, ignored]);
    expect(unsent.map((u) => [u.record, u.why, u.detail])).toEqual([
      [held, 'held', ''],
      [refused, 'refused', 'SMTP refused permanently (550): no such user'],
    ]);
  });
});

describe('a reply the mail server refuses for good', () => {
  it('ends the job without a retry, marked refused with the answer, and is named as unsent', async () => {
    const raw = countyEmail([goodDocx(), goodPdf()]);
    const { emailId, archivePath } = await archiveEmail(dataDir, raw);
    const verdict = await check(raw);
    // A transport whose server answers every recipient 550, as 126 does for an address that does not exist.
    const refusing = nodemailer.createTransport({
      name: 'refusing', version: '1',
      send: (_mail: unknown, done: (err: Error | null) => void) => done(Object.assign(new Error('550 no such user'), { responseCode: 550 })),
    });
    const ctx = {
      redis, keyPrefix, campaign, log: pino({ level: 'silent' }),
      config: { dataDir, mailFrom: campaign.collector.mailbox, repliesPerSenderPerHour: 10 },
    } as unknown as ServiceContext;
    const intake = { emailId, archivePath, place: { mailbox: 'INBOX', uidValidity: '1', uid: 7 }, internalDate: '2022-07-01T10:00:00+08:00' };
    await expect(runReply(ctx, refusing, {} as MailboxSession, { intake, verdict })).rejects.toBeInstanceOf(UnrecoverableError);
    expect(await redis.hget(`${keyPrefix}reply:${emailId}`, 'refused')).toContain('550');
    const accepted = record('accept');
    expect((await unsentReplies(ctx, [{ ...accepted, entry: { ...accepted.entry, emailId } }])).map((u) => u.why)).toEqual(['refused']);
  });
});
