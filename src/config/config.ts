// The service's configuration: read once from the environment, checked with messages that say what to fix, frozen.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { DEFAULT_CAMPAIGN_FILE } from '../rules/load-campaign.ts';
import { PIPELINE_HEAP_MB } from '../limits.ts';

export type Role = 'all' | 'poller' | 'workers';

export interface Config {
  role: Role;
  imap: {
    host: string; port: number; secure: boolean; user: string; pass: string; mailbox: string; pollSeconds: number;
    /** Mail received before this is never handled: a mailbox in use holds years of it. */
    ignoreBefore: string | null;
  };
  smtp: { host: string; port: number; secure: boolean; user: string; pass: string };
  mailFrom: string;
  staffTo: string[];
  redisUrl: string;
  dataDir: string;
  campaignFile: string;
  digestCron: string;
  /** Outgoing replies per minute (126's SMTP throttles bursts). */
  repliesPerMinute: number;
  /** Replies to one address per hour at most; more mail from it is left for staff (a flood, a robot loop). */
  repliesPerSenderPerHour: number;
  /** Emails decided at once, each in its own thread (CPU-bound: about one per core; each holds its own memory). */
  pipelineThreads: number;
  /** Heap cap of each pipeline thread, MB. */
  pipelineHeapMb: number;
  /** Delay before the ledger spreadsheet is rebuilt after a verdict: verdicts in the meantime share one rebuild. */
  ledgerFileDelayMs: number;
}

export class ConfigError extends Error {
  constructor(problems: string[]) {
    super(`configuration is incomplete or wrong (see .env.example):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$|^[^@\s]+@[^@\s]+$/;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const problems: string[] = [];
  const text = (name: string, fallback?: string): string => {
    const value = env[name]?.trim() || fallback;
    if (value === undefined) problems.push(`${name} is required`);
    return value ?? '';
  };
  const int = (name: string, fallback: number): number => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) problems.push(`${name} must be a positive whole number, got "${raw}"`);
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.trim().toLowerCase();
    if (!raw) return fallback;
    if (!['true', 'false', '1', '0', 'yes', 'no'].includes(raw)) problems.push(`${name} must be true or false, got "${raw}"`);
    return ['true', '1', 'yes'].includes(raw);
  };
  const address = (name: string, value: string): string => {
    if (value && !EMAIL.test(value)) problems.push(`${name} is not an email address: "${value}"`);
    return value.toLowerCase();
  };
  const role = text('ROLE', 'all') as Role;
  if (!['all', 'poller', 'workers'].includes(role)) problems.push(`ROLE must be all, poller or workers, got "${role}"`);
  const imapSecure = bool('IMAP_SECURE', true);
  const smtpSecure = bool('SMTP_SECURE', true);
  const config: Config = {
    role,
    imap: {
      host: text('IMAP_HOST'), port: int('IMAP_PORT', imapSecure ? 993 : 143), secure: imapSecure,
      user: text('IMAP_USER'), pass: text('IMAP_PASS'), mailbox: text('IMAP_MAILBOX', 'INBOX'),
      pollSeconds: int('IMAP_POLL_SECONDS', 60),
      ignoreBefore: env.IMAP_IGNORE_BEFORE?.trim() || null,
    },
    smtp: {
      host: text('SMTP_HOST'), port: int('SMTP_PORT', smtpSecure ? 465 : 587), secure: smtpSecure,
      user: text('SMTP_USER', env.IMAP_USER), pass: text('SMTP_PASS', env.IMAP_PASS),
    },
    mailFrom: address('MAIL_FROM', text('MAIL_FROM', env.IMAP_USER)),
    staffTo: text('STAFF_TO').split(',').map((a) => a.trim()).filter(Boolean).map((a) => address('STAFF_TO', a)),
    redisUrl: text('REDIS_URL', 'redis://127.0.0.1:6379'),
    dataDir: resolve(text('DATA_DIR', '.data')),
    campaignFile: resolve(text('CAMPAIGN', DEFAULT_CAMPAIGN_FILE)),
    digestCron: text('DIGEST_CRON', '0 18 * * *'),
    repliesPerMinute: int('REPLIES_PER_MINUTE', 20),
    repliesPerSenderPerHour: int('REPLIES_PER_SENDER_PER_HOUR', 10),
    pipelineThreads: int('PIPELINE_THREADS', Math.min(2, availableParallelism())),
    pipelineHeapMb: int('PIPELINE_HEAP_MB', PIPELINE_HEAP_MB),
    ledgerFileDelayMs: int('LEDGER_FILE_DELAY_SECONDS', 10) * 1000,
  };
  if (config.imap.ignoreBefore && Number.isNaN(Date.parse(config.imap.ignoreBefore))) {
    problems.push(`IMAP_IGNORE_BEFORE is not an ISO-8601 time: "${config.imap.ignoreBefore}"`);
  }
  if (!/^rediss?:\/\//.test(config.redisUrl)) problems.push(`REDIS_URL must start with redis:// or rediss://, got "${config.redisUrl}"`);
  if (config.digestCron.trim().split(/\s+/).length < 5) problems.push(`DIGEST_CRON is not a cron pattern: "${config.digestCron}"`);
  if (problems.length) throw new ConfigError(problems);
  return Object.freeze(config);
}

/** The configuration as it may be logged: no passwords. */
export function describeConfig(config: Config): Record<string, unknown> {
  return {
    ...config,
    imap: { ...config.imap, pass: '[redacted]' },
    smtp: { ...config.smtp, pass: '[redacted]' },
    redisUrl: config.redisUrl.replace(/\/\/[^@/]*@/, '//[redacted]@'),
  };
}
