// The service's configuration: read once from the environment, checked with messages that say what to fix, frozen.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { CronExpressionParser } from 'cron-parser';
import { DEFAULT_CAMPAIGN_FILE, loadCampaign } from '../rules/load-campaign.ts';
import { PIPELINE_HEAP_MB } from '../limits.ts';
import { instantOfIsoTime } from '../time/zoned.ts';
import { environment } from './env-file.ts';
import { LOG_LEVELS, logLevelIn } from '../log.ts';
import { redisAddress } from '../redis-address.ts';

export type Role = 'all' | 'poller' | 'workers';

/** Every variable the bot reads (.env.example documents each). */
export const SETTINGS = [
  'ROLE', 'IMAP_HOST', 'IMAP_PORT', 'IMAP_SECURE', 'IMAP_USER', 'IMAP_PASS', 'IMAP_MAILBOX', 'IMAP_POLL_SECONDS',
  'IMAP_IGNORE_BEFORE', 'SMTP_HOST', 'SMTP_PORT', 'SMTP_SECURE', 'SMTP_USER', 'SMTP_PASS', 'MAIL_FROM',
  'REPLIES_PER_MINUTE', 'REPLIES_PER_SENDER_PER_HOUR', 'PIPELINE_THREADS', 'PIPELINE_HEAP_MB',
  'LEDGER_FILE_DELAY_SECONDS', 'STAFF_TO', 'DIGEST_CRON', 'REDIS_URL', 'DATA_DIR', 'CAMPAIGN', 'LOG_LEVEL',
] as const;

export interface Config {
  /** The .env file read under the environment, if there was one. */
  envFile: string | null;
  role: Role;
  imap: {
    host: string; port: number; secure: boolean; user: string; pass: string; mailbox: string; pollSeconds: number;
    /** Mail received before this instant (ISO-8601, UTC) is never handled: a mailbox in use holds years of it. */
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

/** The configuration from `given`, or, by default, from the environment over the checkout's .env file. */
export function loadConfig(given?: NodeJS.ProcessEnv): Readonly<Config> {
  const { env, envFile } = given ? { env: given, envFile: null } : environment();
  const problems = misspelledSettings(Object.keys(env));
  const text = (name: Setting, fallback?: string): string => {
    const value = env[name]?.trim() || fallback;
    if (value === undefined) problems.push(`${name} is required`);
    return value ?? '';
  };
  const int = (name: Setting, fallback: number): number => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) problems.push(`${name} must be a positive whole number, got "${raw}"`);
    return value;
  };
  const bool = (name: Setting, fallback: boolean): boolean => {
    const raw = env[name]?.trim().toLowerCase();
    if (!raw) return fallback;
    if (!['true', 'false', '1', '0', 'yes', 'no'].includes(raw)) problems.push(`${name} must be true or false, got "${raw}"`);
    return ['true', '1', 'yes'].includes(raw);
  };
  const address = (name: Setting, value: string): string => {
    if (value && !EMAIL.test(value)) problems.push(`${name} is not an email address: "${value}"`);
    return value.toLowerCase();
  };
  const role = text('ROLE', 'all') as Role;
  if (!['all', 'poller', 'workers'].includes(role)) problems.push(`ROLE must be all, poller or workers, got "${role}"`);
  const imapSecure = bool('IMAP_SECURE', true);
  const smtpSecure = bool('SMTP_SECURE', true);
  const campaignFile = resolve(text('CAMPAIGN', DEFAULT_CAMPAIGN_FILE));
  const config: Config = {
    envFile,
    role,
    imap: {
      host: text('IMAP_HOST'), port: int('IMAP_PORT', imapSecure ? 993 : 143), secure: imapSecure,
      user: text('IMAP_USER'), pass: text('IMAP_PASS'), mailbox: text('IMAP_MAILBOX', 'INBOX'),
      pollSeconds: int('IMAP_POLL_SECONDS', 60),
      ignoreBefore: ignoreBefore(env.IMAP_IGNORE_BEFORE?.trim(), campaignFile, problems),
    },
    smtp: {
      host: text('SMTP_HOST'), port: int('SMTP_PORT', smtpSecure ? 465 : 587), secure: smtpSecure,
      user: text('SMTP_USER', env.IMAP_USER), pass: text('SMTP_PASS', env.IMAP_PASS),
    },
    mailFrom: address('MAIL_FROM', text('MAIL_FROM', env.IMAP_USER)),
    staffTo: text('STAFF_TO').split(',').map((a) => a.trim()).filter(Boolean).map((a) => address('STAFF_TO', a)),
    redisUrl: text('REDIS_URL', 'redis://127.0.0.1:6379'),
    dataDir: resolve(text('DATA_DIR', '.data')),
    campaignFile,
    digestCron: text('DIGEST_CRON', '0 18 * * *'),
    repliesPerMinute: int('REPLIES_PER_MINUTE', 20),
    repliesPerSenderPerHour: int('REPLIES_PER_SENDER_PER_HOUR', 10),
    pipelineThreads: int('PIPELINE_THREADS', Math.min(2, availableParallelism())),
    pipelineHeapMb: int('PIPELINE_HEAP_MB', PIPELINE_HEAP_MB),
    ledgerFileDelayMs: int('LEDGER_FILE_DELAY_SECONDS', 10) * 1000,
  };
  if (!/^rediss?:\/\//.test(config.redisUrl)) problems.push(`REDIS_URL must start with redis:// or rediss://, got "${config.redisUrl}"`);
  if (!isCronPattern(config.digestCron)) {
    problems.push(`DIGEST_CRON is not a cron pattern (minute hour day month weekday, e.g. "0 18 * * *" for 18:00 daily): "${config.digestCron}"`);
  }
  // Applied by the logger itself (src/log.ts), which exists before the configuration is read.
  if (!logLevelIn(env)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  if (problems.length) throw new ConfigError(problems);
  return Object.freeze(config);
}

type Setting = (typeof SETTINGS)[number];

/** As BullMQ's scheduler will read it: five fields (or six, with seconds first), each within its range. */
function isCronPattern(pattern: string): boolean {
  if (pattern.split(/\s+/).length < 5) return false;
  try {
    CronExpressionParser.parse(pattern);
    return true;
  } catch {
    return false;
  }
}

/** IMAP_IGNORE_BEFORE as an instant. Without an offset it is the campaign's local time, as its deadline is (not the
 *  host's, which is UTC in the Docker image); a time still to come would pass over every filing until then, for
 *  good (the mailbox's read position moves past them), so it is refused. */
function ignoreBefore(raw: string | undefined, campaignFile: string, problems: string[]): string | null {
  if (!raw) return null;
  const at = instantOfIsoTime(raw, loadCampaign(campaignFile).deadline.timeZone);
  if (!at) problems.push(`IMAP_IGNORE_BEFORE is not an ISO-8601 time (e.g. 2022-06-29 or 2022-06-29T00:00:00+08:00): "${raw}"`);
  else if (at.getTime() > Date.now()) {
    problems.push(`IMAP_IGNORE_BEFORE is still to come (${raw}): mail arriving before then would never be answered; set it to the campaign's start`);
  }
  return at?.toISOString() ?? null;
}

/** Names a letter or two from a setting's, with its first word (IMAP_IGNORE_BEFOR, DIGEST_CORN): a setting so
 *  misspelt would otherwise be left at its default without a word. Other variables are not the bot's business. */
function misspelledSettings(names: string[]): string[] {
  const meant = (name: string) => SETTINGS.find((setting) => setting.split('_')[0] === name.split('_')[0]
    && editDistance(name, setting) <= 2);
  return names.filter((name) => !(SETTINGS as readonly string[]).includes(name) && meant(name))
    .map((name) => `${name} is not a setting: did you mean ${meant(name)}?`);
}

/** Levenshtein distance: letters inserted, deleted or changed. */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/** The configuration as it may be logged: no passwords. */
export function describeConfig(config: Config): Record<string, unknown> {
  return {
    ...config,
    imap: { ...config.imap, pass: '[redacted]' },
    smtp: { ...config.smtp, pass: '[redacted]' },
    redisUrl: redisAddress(config.redisUrl),
  };
}
