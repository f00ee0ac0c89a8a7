// Another copy of an email (delivered twice, found again in a rebuilt mailbox) is never answered: its reply job waits
// (fails, to be retried) while the first copy is not yet answered, and leaves the copy where it is when the first
// copy's reply was held or refused, or there is nobody to answer; the mailbox is touched only to file it once the first
// copy is filed (test/service/an-email-delivered-twice-is-answered-once.test.ts files it on the real Dovecot).
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailboxSession } from '../../src/mailbox/mailbox-session.ts';
import type { IntakeJob } from '../../src/service/jobs.ts';
import type { ServiceContext } from '../../src/service/service-context.ts';
import { runReply } from '../../src/service/stages/reply-stage.ts';
import type { Verdict } from '../../src/types.ts';
import { check, countyEmail, goodDocx, goodPdf } from '../hostile/hostile-kit.ts';
import { dropPrefix, localRedisUrl, uniquePrefix } from '../ledger/redis-for-tests.ts';

let redis: Redis;
let keyPrefix: string;
let verdict: Verdict;
beforeAll(async () => {
  redis = new Redis(await localRedisUrl());
  keyPrefix = uniquePrefix();
  verdict = await check(countyEmail([goodDocx(), goodPdf()]));
});
afterAll(async () => {
  await dropPrefix(redis, keyPrefix);
  await redis.quit();
});

/** A mailbox the copy must not touch in these cases. */
const untouched = { use: () => Promise.reject(new Error('the mailbox was used')) } as unknown as MailboxSession;
const copyOf = (emailId: string): IntakeJob => ({
  emailId, archivePath: 'archive/none.eml', place: { mailbox: 'INBOX', uidValidity: '9', uid: 41 }, internalDate: '2022-07-01T10:03:41+08:00', copy: true,
});
const replyTo = (emailId: string, marks: Record<string, string> | null, answered = verdict) => {
  const ctx = { redis, keyPrefix } as unknown as ServiceContext;
  const ready = marks ? redis.hset(`${keyPrefix}reply:${emailId}`, marks) : Promise.resolve(0);
  return ready.then(() => runReply(ctx, {} as never, untouched, { intake: copyOf(emailId), verdict: answered }));
};

describe('another copy of an email', () => {
  it('waits while its first copy is not answered: the job fails, to be retried', async () => {
    await expect(replyTo('waiting', null)).rejects.toThrow('not answered yet');
    await expect(replyTo('sent-not-filed', { sent: 't' })).rejects.toThrow('not answered yet');
  });

  it('is left where it is when its first copy\'s reply was held or refused', async () => {
    expect(await replyTo('held', { held: 't' })).toEqual([]);
    expect(await replyTo('refused', { refused: '550 no such user' })).toEqual([]);
  });

  it('is left where it is when there is nobody to answer', async () => {
    expect(await replyTo('no-recipient', null, { ...verdict, reply: null })).toEqual([]);
  });

  it('is not filed twice: once its place is marked filed, the mailbox is not used again', async () => {
    expect(await replyTo('filed-before', { sent: 't', copied: 't', filed: 't', 'filed-9-41': 't' })).toEqual(['filed']);
  });
});
