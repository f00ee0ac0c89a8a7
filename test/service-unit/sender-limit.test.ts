import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admitReply } from '../../src/reply/sender-limit.ts';
import { readServicesEnv } from '../../scripts/services/services-env.ts';

let redis: Redis;
const prefix = `test-${randomUUID()}:`;
beforeAll(() => {
  execFileSync('bash', ['scripts/services/up.sh'], { stdio: 'ignore' });
  redis = new Redis(readServicesEnv().redisUrl);
});
afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

describe('replies per sender', () => {
  it('admits a few replies to one address within an hour, then holds the flood', async () => {
    const admitted = [];
    for (let i = 0; i < 5; i++) admitted.push(await admitReply(redis, prefix, 'flood@county.test', `email-${i}`, 3));
    expect(admitted).toEqual([true, true, true, false, false]);
  });

  it('always admits the retry of a reply it admitted, and counts each address apart', async () => {
    expect(await admitReply(redis, prefix, 'Flood@County.test', 'email-1', 3)).toBe(true);
    expect(await admitReply(redis, prefix, 'other@county.test', 'email-9', 3)).toBe(true);
  });

  it('lets two workers racing for the last place admit only one', async () => {
    await admitReply(redis, prefix, 'race@county.test', 'first', 2);
    const workers = ['a', 'b', 'c'].map(() => redis.duplicate());
    const results = await Promise.all(workers.map((w, i) => admitReply(w, prefix, 'race@county.test', `racer-${i}`, 2)));
    await Promise.all(workers.map((w) => w.quit()));
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
