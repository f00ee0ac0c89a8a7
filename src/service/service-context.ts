// Everything a stage of the running service needs, made once per process from the checked configuration.
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import { log as rootLog } from '../log.ts';
import { redisAddress } from '../redis-address.ts';
import { loadCampaign } from '../rules/load-campaign.ts';
import type { Campaign } from '../types.ts';
import { QUEUE, type IntakeJob, type LedgerFileJob, type RecordJob, type ReplyJob } from './jobs.ts';
import { RedisOutage, watchRedis } from './redis-outage.ts';

export interface ServiceContext {
  config: Readonly<Config>;
  campaign: Campaign;
  /** One Redis connection for state (ledger, locks, reply marks) and BullMQ producers. */
  redis: Redis;
  /** Told of every failed Redis connection: the operator reads of an outage once, not of each reconnect. */
  redisOutage: RedisOutage;
  queues: {
    intake: Queue<IntakeJob>;
    ledger: Queue<RecordJob | LedgerFileJob>;
    reply: Queue<ReplyJob>;
    digest: Queue<Record<string, never>>;
  };
  log: Logger;
  /** BullMQ's key prefix (tests give each run its own). */
  bullPrefix: string;
  /** Prefix of the bot's own Redis keys: ledger, poller checkpoint and lock, reply marks. */
  keyPrefix: string;
  ledgerFile: string;
}

export interface ContextOptions { bullPrefix?: string; keyPrefix?: string; log?: Logger }

export function createServiceContext(config: Readonly<Config>, options: ContextOptions = {}): ServiceContext {
  const campaign = loadCampaign(config.campaignFile);
  // BullMQ needs commands to wait for a reconnect rather than fail (maxRetriesPerRequest: null).
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  const log = options.log ?? rootLog;
  warnOfAnotherMailbox(config, campaign, log);
  // Also the listener without which ioredis prints each failed reconnect on stderr, outside the log.
  const redisOutage = new RedisOutage(log, redisAddress(config.redisUrl));
  watchRedis(redis, redisOutage);
  const bullPrefix = options.bullPrefix ?? defaultBullPrefix(campaign);
  // Jobs added without options (the poller's intake jobs) still retry passing faults and are kept for dedup.
  const defaultJobOptions = { attempts: 5, backoff: { type: 'exponential', delay: 5000 }, ...KEEP_JOBS };
  const queue = <T>(name: string) => {
    const created = new Queue<T>(name, { connection: redis, prefix: bullPrefix, defaultJobOptions });
    // A queue passes on its connection's errors (logged above once); unheard, BullMQ prints each on stderr.
    created.on('error', (err) => log.debug({ queue: name, err }, 'queue connection error'));
    return created;
  };
  return {
    config, campaign, redis, redisOutage,
    queues: { intake: queue(QUEUE.intake), ledger: queue(QUEUE.ledger), reply: queue(QUEUE.reply), digest: queue(QUEUE.digest) },
    log,
    bullPrefix,
    keyPrefix: options.keyPrefix ?? defaultKeyPrefix(campaign),
    ledgerFile: join(config.dataDir, 'ledger', `${campaign.name}台账.xlsx`),
  };
}

/** Keys of one campaign never mix with another's in a shared Redis. */
export const defaultKeyPrefix = (campaign: Pick<Campaign, 'id'>) => `intake-bot:${campaign.id}:`;
/** Nor do its queues: two cities' bots on one Redis never take each other's jobs (decided by the wrong rules). */
const defaultBullPrefix = (campaign: Campaign) => `${defaultKeyPrefix(campaign)}bull`;
/** Where the ledger's state of record lives under a key prefix. */
export const ledgerPrefixOf = (keyPrefix: string) => `${keyPrefix}ledger`;

export async function closeServiceContext(ctx: ServiceContext): Promise<void> {
  await Promise.all(Object.values(ctx.queues).map((q) => q.close()));
  await ctx.redis.quit().catch(() => ctx.redis.disconnect());
}

/** Kept for 90 days: the job id only dedupes an email against jobs still in Redis. */
export const KEEP_JOBS = { removeOnComplete: { age: 90 * 24 * 3600 }, removeOnFail: { age: 90 * 24 * 3600 } } as const;

/** The rules name the campaign's mailbox; settings left from another campaign (its .env, accounts.env) would have the
 *  bot read and answer from the old one without a word. A login that is no address (some servers') is not compared. */
function warnOfAnotherMailbox(config: Readonly<Config>, campaign: Campaign, log: Logger): void {
  const mailbox = campaign.collector.mailbox.toLowerCase();
  const other = (address: string) => address.includes('@') && address.toLowerCase() !== mailbox;
  for (const [setting, address] of [['IMAP_USER', config.imap.user], ['MAIL_FROM', config.mailFrom]] as const) {
    if (other(address)) log.warn({ setting, address, campaignMailbox: mailbox }, `${setting} is not the campaign's mailbox (collector.mailbox in the rules file)`);
  }
}
