// The answers staff must be told about: a verdict whose reply was held by the per-sender limit or refused for good
// by the mail server, read from the reply stage's marks in a real Redis; sent replies and ignored mail are not named.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsentReplies } from '../../src/service/stages/reply-stage.ts';
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
beforeAll(async () => {
  redis = new Redis(await localRedisUrl());
  keyPrefix = uniquePrefix();
});
afterAll(async () => {
  await dropPrefix(redis, keyPrefix);
  await redis.quit();
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
