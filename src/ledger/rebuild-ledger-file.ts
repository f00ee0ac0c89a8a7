// Rebuilds the ledger spreadsheet from the state of record, as the single writer across all processes.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Redis } from 'ioredis';
import type { Campaign } from '../types.ts';
import { readLedger } from './ledger-store.ts';
import { writeLedgerFile } from './ledger-workbook.ts';
import { withLedgerWriterLock, type WriterLockOptions } from './writer-lock.ts';

export interface RebuildOptions extends WriterLockOptions {
  /**
   * Redis time (ms) at which a rebuild was asked for. A finished build that started after it already holds every
   * record made before the request, so requests that pile up while one build runs cost one more build, not one each.
   */
  requestedAt?: number;
}

/** Redis's clock, the one every process shares, in ms. */
export async function redisNow(redis: Redis): Promise<number> {
  const [seconds, micros] = await redis.time();
  return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
}

/** Returns false when a newer build already covered the request. */
export async function rebuildLedgerFile(
  redis: Redis, prefix: string, campaign: Campaign, path: string, options: RebuildOptions = {},
): Promise<boolean> {
  // When the last finished build started: it holds every record made before then. A build that was killed part-way
  // covers nothing, so the mark is set only once the file is written.
  const coveredKey = `${prefix}:file-built-from`;
  // Read inside the lock: a writer that waited then writes the state as it is now, not as it was.
  return withLedgerWriterLock(redis, prefix, async () => {
    if (options.requestedAt !== undefined && Number(await redis.get(coveredKey) ?? 0) >= options.requestedAt) return false;
    const startedAt = await redisNow(redis);
    await mkdir(dirname(path), { recursive: true });
    await writeLedgerFile(await readLedger(redis, prefix), campaign, path);
    await redis.set(coveredKey, String(startedAt));
    return true;
  }, options);
}
