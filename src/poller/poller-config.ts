// What one mailbox poller needs to know, with the defaults the bot runs with.
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { MAX_EMAIL_BYTES } from '../limits.ts';
import type { IntakeJob } from '../service/jobs.ts';

export interface ImapAccount {
  host: string;
  port: number;
  /** true: TLS from the first byte (993); false: cleartext, upgraded by STARTTLS when offered. */
  secure: boolean;
  user: string;
  pass: string;
}

export interface PollerConfig {
  imap: ImapAccount;
  /** Folder to read; default INBOX. */
  mailbox: string;
  /** DATA_DIR: the archive is written under it. */
  dataDir: string;
  /** Prefix of every Redis key the poller writes (checkpoint, lock); default `intake-bot:`. */
  keyPrefix: string;
  /** `auto`: IDLE when the server offers it, else interval polling; `poll`: always interval polling. */
  mode: 'auto' | 'poll';
  /** How often to look for new mail without IDLE; default 60 s. */
  pollIntervalMs: number;
  /** How often a live connection is proven with NOOP (IDLE is restarted then too); default 60 s. */
  watchdogIntervalMs: number;
  /** A NOOP not answered within this is a dead connection; default 20 s. */
  watchdogTimeoutMs: number;
  /** A command that receives nothing for this long has a dead connection (imapflow's socketTimeout); default 2 min. */
  socketTimeoutMs: number;
  /** Lifetime of the per-mailbox poller lock; renewed every third of it; default 30 s. */
  lockTtlMs: number;
  /** First and largest wait between reconnects (exponential, with jitter); default 1 s and 5 min. */
  reconnectMinMs: number;
  reconnectMaxMs: number;
  /** A message larger than this is not downloaded: its header alone is archived and the job marked oversize. */
  maxEmailBytes: number;
  /** Mail received (INTERNALDATE) before this ISO-8601 time is passed over: a mailbox in use holds years of it. */
  ignoreBefore: string | null;
  /** Sent with the IMAP ID command; NetEase (126/163) refuses mailbox access without it. */
  clientInfo: Record<string, string>;
  /** Log level of imapflow's own protocol log; default `warn`. */
  imapLogLevel: string;
}

export const POLLER_DEFAULTS = {
  mailbox: 'INBOX',
  keyPrefix: 'intake-bot:',
  mode: 'auto',
  pollIntervalMs: 60_000,
  watchdogIntervalMs: 60_000,
  watchdogTimeoutMs: 20_000,
  socketTimeoutMs: 120_000,
  lockTtlMs: 30_000,
  reconnectMinMs: 1_000,
  reconnectMaxMs: 300_000,
  maxEmailBytes: MAX_EMAIL_BYTES,
  ignoreBefore: null,
  clientInfo: { name: 'yueyang-resource-intake-bot', version: '0.1.0', vendor: 'yueyang-resource-intake-bot' },
  imapLogLevel: 'warn',
} satisfies Omit<PollerConfig, 'imap' | 'dataDir'>;

export type PollerSettings = Pick<PollerConfig, 'imap' | 'dataDir'> & Partial<PollerConfig>;

/** The settings over the defaults, checked once: a bad value fails at start, not on the first email. */
export function pollerConfig(settings: PollerSettings): Readonly<PollerConfig> {
  const config: PollerConfig = { ...POLLER_DEFAULTS, ...settings };
  if (config.ignoreBefore !== null && Number.isNaN(Date.parse(config.ignoreBefore))) {
    throw new Error(`poller ignoreBefore is not a date: ${config.ignoreBefore}`);
  }
  if (config.reconnectMinMs <= 0 || config.reconnectMaxMs < config.reconnectMinMs) {
    throw new Error('poller reconnect delays must be positive, the largest no smaller than the first');
  }
  return Object.freeze(config);
}

/** What the poller is given from outside: the shared Redis connection, the intake queue, the bot's logger. */
export interface PollerDeps {
  redis: Redis;
  queue: Queue<IntakeJob>;
  log: Logger;
}
