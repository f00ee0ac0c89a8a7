// `ledger --out FILE.xlsx`: the consolidated ledger spreadsheet on demand, from the state of record in Redis.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { environment } from '../config/env-file.ts';
import { ledgerKeys } from '../ledger/ledger-scripts.ts';
import { rebuildLedgerFile } from '../ledger/rebuild-ledger-file.ts';
import { redisAddress } from '../redis-address.ts';
import { loadCampaign } from '../rules/load-campaign.ts';
import { defaultKeyPrefix, ledgerPrefixOf } from '../service/service-context.ts';

export async function runLedgerCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { out: { type: 'string' }, campaign: { type: 'string' }, redis: { type: 'string' }, prefix: { type: 'string' } },
    // --prefix: the service's KEY prefix when it was started with another one (tests, a second campaign).
  });
  if (!values.out) throw new Error('ledger 需要 --out <文件.xlsx>');
  // The service's own settings: the environment over the checkout's .env.
  const { env } = environment();
  const campaign = loadCampaign(values.campaign ?? env.CAMPAIGN);
  const url = values.redis ?? env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  // One attempt, its failure said once below: ioredis would retry, and print every failure on stderr unheard.
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  let connectionError: Error | undefined;
  redis.on('error', (error: Error) => (connectionError = error));
  try {
    await redis.connect().catch((error: Error) => {
      // connect() rejects only with "Connection is closed."; the socket's own error says why.
      throw new Error(`无法连接 Redis ${redisAddress(url)}（${(connectionError ?? error).message}），请检查 REDIS_URL 或 --redis`);
    });
    const prefix = ledgerPrefixOf(values.prefix ?? defaultKeyPrefix(campaign));
    if (!values.prefix) await refuseAnotherCampaigns(redis, prefix, campaign.id);
    const out = resolve(values.out);
    await rebuildLedgerFile(redis, prefix, campaign, out);
    process.stdout.write(`${out}\n`);
    return 0;
  } finally {
    redis.disconnect();
  }
}

/** Run without the campaign's rules (no --campaign, CAMPAIGN or .env), the command would write the default campaign's
 *  empty ledger from a Redis that holds another campaign's: an all-未报送 sheet of the wrong units, handed on as is. */
async function refuseAnotherCampaigns(redis: Redis, prefix: string, id: string): Promise<void> {
  if (await redis.exists(ledgerKeys(prefix).order)) return;
  const others = new Set<string>();
  for await (const keys of redis.scanStream({ match: ledgerKeys(ledgerPrefixOf(defaultKeyPrefix({ id: '*' }))).order, count: 1000 })) {
    for (const key of keys as string[]) others.add(key.split(':')[1]);
  }
  others.delete(id);
  if (others.size) {
    throw new Error(`Redis 中没有活动 ${id} 的报送记录，只有 ${[...others].join('、')} 的：请用 --campaign 指定该活动的规则文件（或设置 CAMPAIGN）`);
  }
}
