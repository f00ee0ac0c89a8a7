// A Redis lease per mailbox so that two bot processes poll it as one: the holder renews it, a survivor takes it over.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

// Renew and release touch the key only while it still carries our token: an expired lease may belong to another.
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

export function lockKey(keyPrefix: string, mailbox: string): string {
  return `${keyPrefix}poller:lock:${mailbox}`;
}

export class MailboxLock {
  readonly token = randomUUID();

  constructor(
    private readonly redis: Redis,
    readonly key: string,
    private readonly ttlMs: number,
  ) {}

  /** True when this process now holds the lease (it was free or had expired). */
  async tryAcquire(): Promise<boolean> {
    return (await this.redis.set(this.key, this.token, 'PX', this.ttlMs, 'NX')) === 'OK';
  }

  /** True while the lease is still ours; false means another process may be polling now. */
  async renew(): Promise<boolean> {
    return (await this.redis.eval(RENEW, 1, this.key, this.token, String(this.ttlMs))) === 1;
  }

  async release(): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.key, this.token);
  }
}

/**
 * Renews `lock` every third of its lifetime until `lease` is aborted; aborts `lease` once the lock is lost.
 * A Redis error alone is not a loss, but no successful renewal for a whole lifetime is: another may have it now.
 */
export function keepRenewing(lock: MailboxLock, ttlMs: number, lease: AbortController, onError: (error: unknown) => void): void {
  let renewedAt = Date.now();
  const timer = setInterval(() => {
    lock.renew().then(
      (held) => {
        if (held) renewedAt = Date.now();
        else lease.abort();
      },
      (error: unknown) => {
        onError(error);
        if (Date.now() - renewedAt >= ttlMs) lease.abort();
      },
    );
  }, ttlMs / 3);
  lease.signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
