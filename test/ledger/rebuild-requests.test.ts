// Rebuild requests are coalesced only by builds that finished: a request older than a finished build's start is
// already in the file, but a build that failed or was killed part-way covers nothing.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordVerdict } from '../../src/ledger/ledger-store.ts';
import { rebuildLedgerFile, redisNow } from '../../src/ledger/rebuild-ledger-file.ts';
import { campaign, entryOf } from './ledger-builders.ts';
import { dropPrefix, localRedisUrl, uniquePrefix } from './redis-for-tests.ts';

let redis: Redis;
let prefix: string;
let dir: string;

beforeAll(async () => {
  redis = new Redis(await localRedisUrl());
  prefix = uniquePrefix();
  dir = await mkdtemp(join(tmpdir(), 'rebuild-requests-'));
  await recordVerdict(redis, prefix, entryOf({ unit: '平江县', decision: 'accept', receivedAt: '2022-07-01T10:12:00+08:00', perSection: 5 }));
});
afterAll(async () => {
  await dropPrefix(redis, prefix);
  await redis.quit();
  await rm(dir, { recursive: true, force: true });
});

describe('ledger rebuild requests', () => {
  it('skips a request a finished build covers, and builds for one a failed build did not', async () => {
    const requestedAt = await redisNow(redis);
    // A "directory" that is a file: the build fails after it started, as one killed part-way would.
    const blocked = join(dir, 'not-a-dir');
    await writeFile(blocked, '');
    await expect(rebuildLedgerFile(redis, prefix, campaign, join(blocked, 'ledger.xlsx'), { requestedAt })).rejects.toThrow();

    const file = join(dir, 'ledger.xlsx');
    await expect(rebuildLedgerFile(redis, prefix, campaign, file, { requestedAt })).resolves.toBe(true);
    await expect(rebuildLedgerFile(redis, prefix, campaign, file, { requestedAt })).resolves.toBe(false);
    await expect(rebuildLedgerFile(redis, prefix, campaign, file, { requestedAt: await redisNow(redis) + 1 })).resolves.toBe(true);
  });
});
