// A flood from one address (a misconfigured system, a loop with another robot) gets a few replies, not hundreds:
// a sliding one-hour window of replies per recipient, shared by every worker through Redis.
import type { Redis } from 'ioredis';

const WINDOW_MS = 3600_000;
// Count, admit and record in one step, so two workers cannot both take the last place.
const ADMIT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
if redis.call('ZSCORE', KEYS[1], ARGV[3]) then return 1 end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[4]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

/** True when a reply for `emailId` to `address` may go out now (a retry of an admitted reply always may). */
export async function admitReply(redis: Redis, keyPrefix: string, address: string, emailId: string, perHour: number): Promise<boolean> {
  const [seconds, micros] = await redis.time();
  const now = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
  const admitted = await redis.eval(ADMIT, 1, `${keyPrefix}reply-rate:${address.toLowerCase()}`, now, WINDOW_MS, emailId, perHour);
  return admitted === 1;
}
