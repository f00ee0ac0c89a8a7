// Redis out of reach, told once per process rather than once per failed reconnect of each connection: the shared
// connection and the two of every worker each retry every 5 s, which was about a hundred lines with stacks a minute.
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** While Redis stays out of reach, a reminder this often. */
const REMINDER_MS = 60_000;

export class RedisOutage {
  private since: number | null = null;
  private remindedAt = 0;
  private failures = 0;

  constructor(
    private readonly log: Logger, private readonly address: string,
    private readonly reminderMs = REMINDER_MS, private readonly now: () => number = Date.now,
  ) {}

  /** Whether an outage is on: a failure was reported and no connection has been ready since. */
  get ongoing(): boolean {
    return this.since !== null;
  }

  /** A connection to Redis failed: the first failure of an outage is logged, then one reminder per reminderMs. */
  failed(error: Error): void {
    const now = this.now();
    this.failures += 1;
    const reason = error.message;
    if (this.since === null) {
      this.since = this.remindedAt = now;
      this.log.error({ redis: this.address, reason }, `Redis at ${this.address} is unreachable; retrying (check REDIS_URL and that Redis runs)`);
    } else if (now - this.remindedAt >= this.reminderMs) {
      this.remindedAt = now;
      this.log.error({ redis: this.address, reason, downForSeconds: this.downForSeconds(now), failedAttempts: this.failures },
        `Redis at ${this.address} is still unreachable`);
    }
  }

  /** A connection is ready: an outage, if one was on, is over. */
  reachable(): void {
    if (this.since === null) return;
    this.log.info({ redis: this.address, downForSeconds: this.downForSeconds(this.now()), failedAttempts: this.failures },
      `Redis at ${this.address} is reachable again`);
    this.since = null;
    this.failures = 0;
  }

  private downForSeconds(now: number): number {
    return Math.round((now - (this.since ?? now)) / 1000);
  }
}

/** The shared connection's failures and recovery tell the outage's start and end. */
export function watchRedis(redis: Redis, outage: RedisOutage): void {
  redis.on('error', (error: Error) => outage.failed(error));
  redis.on('ready', () => outage.reachable());
}
