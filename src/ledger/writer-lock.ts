// One writer of the ledger file across all processes: a Redis lock with a random token and a time to live,
// renewed while held and released only by its holder.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';

export interface WriterLockOptions {
  /** How long the lock outlives a holder that died, in ms. Default 30 000. */
  ttlMs?: number;
  /** How long to wait for another holder before giving up, in ms; 0 tries once. Default 120 000. */
  waitMs?: number;
}

export class LedgerLockBusyError extends Error {
  constructor(key: string) {
    super(`ledger writer lock ${key} is held by another process`);
    this.name = 'LedgerLockBusyError';
  }
}

export class LedgerLockLostError extends Error {
  constructor(key: string) {
    super(`ledger writer lock ${key} expired while held; the write may have overlapped another writer`);
    this.name = 'LedgerLockLostError';
  }
}

// Only the token's owner may extend or delete the lock: a holder that overran its TTL cannot free a successor's lock.
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;

export function writerLockKey(prefix: string): string {
  return `${prefix}:writer-lock`;
}

/** Runs `fn` while holding the ledger's writer lock; waits for another holder up to `waitMs`. */
export async function withLedgerWriterLock<T>(
  redis: Redis, prefix: string, fn: () => Promise<T>, options: WriterLockOptions = {},
): Promise<T> {
  const { ttlMs = 30_000, waitMs = 120_000 } = options;
  const key = writerLockKey(prefix);
  const token = randomUUID();
  await acquire(redis, key, token, ttlMs, waitMs);
  let lost = false;
  const renewal = setInterval(() => {
    redis.eval(RENEW, 1, key, token, String(ttlMs)).then((ok) => { if (ok === 0) lost = true; }, () => { lost = true; });
  }, Math.max(1, Math.floor(ttlMs / 3)));
  let released: unknown;
  let value: T;
  try {
    value = await fn();
  } finally {
    clearInterval(renewal);
    released = await redis.eval(RELEASE, 1, key, token);
  }
  // Not ours at release: it expired (and maybe another writer took it) while fn ran.
  if (lost || released === 0) throw new LedgerLockLostError(key);
  return value;
}

async function acquire(redis: Redis, key: string, token: string, ttlMs: number, waitMs: number): Promise<void> {
  const giveUpAt = Date.now() + waitMs;
  for (let pause = 25; ; pause = Math.min(pause * 2, 500)) {
    if ((await redis.set(key, token, 'PX', ttlMs, 'NX')) === 'OK') return;
    if (Date.now() + pause > giveUpAt) throw new LedgerLockBusyError(key);
    await sleep(pause);
  }
}
