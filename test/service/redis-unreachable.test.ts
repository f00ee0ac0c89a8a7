// Redis out of reach: the operator reads that once, with where Redis was looked for, then a reminder a minute while it
// lasts and a line when it is back; not one line with a stack per reconnect of each of the bot's connections.
import { beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { ServicesEnv } from '../../scripts/services/services-env.ts';
import { loadConfig } from '../../src/config/config.ts';
import { redisAddress } from '../../src/redis-address.ts';
import { startBot } from '../../src/service/bot.ts';
import { RedisOutage } from '../../src/service/redis-outage.ts';
import { capturedLog } from '../captured-log.ts';
import { startOwnRedis } from '../chaos/own-redis.ts';
import { tempDirForTest } from '../temp-dir.ts';
import { startServices } from './harness.ts';

let env: ServicesEnv;

beforeAll(async () => {
  env = await startServices();
}, 620_000);

describe('Redis out of reach', () => {
  it('the running workers say so in one line naming Redis, and in one more when it is back', async () => {
    const redis = await startOwnRedis(tempDirForTest('redis-outage-'));
    const { log, lines } = capturedLog();
    const config = loadConfig({ ...env.variables, REDIS_URL: redis.url, ROLE: 'workers' });
    const bot = await startBot(config, { log });
    let down = false;
    // The bot stops cleanly only with Redis there: after a failure half-way it is started again first.
    onTestFinished(async () => {
      if (down) await redis.start();
      await bot.stop();
      await redis.stop();
    });
    let failedReconnects = 0;
    bot.ctx.redis.on('error', () => (failedReconnects += 1));

    await redis.stop();
    down = true;
    // Six failed reconnects of the shared connection (about 3 s), and as many of each worker's two connections.
    await vi.waitFor(() => expect(failedReconnects).toBeGreaterThanOrEqual(6), { timeout: 20_000, interval: 100 });
    const address = `redis://127.0.0.1:${new URL(redis.url).port}`;
    expect(lines.filter((l) => l.level >= 40).map((l) => l.msg))
      .toEqual([`Redis at ${address} is unreachable; retrying (check REDIS_URL and that Redis runs)`]);

    await redis.start();
    down = false;
    await vi.waitFor(() => expect(lines.at(-1)?.msg).toBe(`Redis at ${address} is reachable again`), { timeout: 20_000, interval: 100 });
    expect(lines.filter((l) => l.level >= 40)).toHaveLength(1);
  }, 60_000);

  it('while it lasts, one reminder a minute at most, with how long and how many attempts', () => {
    const { log, lines } = capturedLog();
    let now = 0;
    const outage = new RedisOutage(log, 'redis://127.0.0.1:6379', 60_000, () => now);
    const refused = new Error('connect ECONNREFUSED 127.0.0.1:6379');
    for (; now <= 150_000; now += 500) outage.failed(refused);
    now = 150_000;
    outage.reachable();
    expect(lines.map((l) => [l.msg, l.downForSeconds, l.failedAttempts])).toEqual([
      ['Redis at redis://127.0.0.1:6379 is unreachable; retrying (check REDIS_URL and that Redis runs)', undefined, undefined],
      ['Redis at redis://127.0.0.1:6379 is still unreachable', 60, 121],
      ['Redis at redis://127.0.0.1:6379 is still unreachable', 120, 241],
      ['Redis at redis://127.0.0.1:6379 is reachable again', 150, 301],
    ]);
    expect(lines[0].reason).toBe('connect ECONNREFUSED 127.0.0.1:6379');
  });

  it('is named without its user and password', () => {
    expect(redisAddress('redis://bot:s3cret@redis.internal:6380/2')).toBe('redis://redis.internal:6380/2');
    expect(redisAddress('rediss://:s3cret@10.0.0.5')).toBe('rediss://10.0.0.5:6379');
  });
});
