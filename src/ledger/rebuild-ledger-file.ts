// Rebuilds the ledger spreadsheet from the state of record, as the single writer across all processes.
import type { Redis } from 'ioredis';
import type { Campaign } from '../types.ts';
import { readLedger } from './ledger-store.ts';
import { writeLedgerFile } from './ledger-workbook.ts';
import { withLedgerWriterLock, type WriterLockOptions } from './writer-lock.ts';

export async function rebuildLedgerFile(
  redis: Redis, prefix: string, campaign: Campaign, path: string, lock: WriterLockOptions = {},
): Promise<void> {
  // Read inside the lock: a writer that waited then writes the state as it is now, not as it was.
  await withLedgerWriterLock(redis, prefix, async () => writeLedgerFile(await readLedger(redis, prefix), campaign, path), lock);
}
