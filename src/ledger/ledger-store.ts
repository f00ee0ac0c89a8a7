// The state of record: every handled email and each unit's filings in Redis, recorded atomically and once.
import type { Redis } from 'ioredis';
import { ledgerKeys, READ_SCRIPT, RECORD_SCRIPT } from './ledger-scripts.ts';
import { filingKey, isUnitFiling, type LedgerEntry, type LedgerRecord, type LedgerState, type RecordedResult, type RecordResult } from './ledger-types.ts';

/**
 * Records one handled email. Idempotent by emailId: a second recording changes nothing and returns the first
 * one's result with `duplicate: true`, so a retried job still learns what its email superseded.
 */
export async function recordVerdict(redis: Redis, prefix: string, entry: LedgerEntry): Promise<RecordResult> {
  if (!entry.emailId) throw new Error('recordVerdict: the entry has no emailId');
  const keys = ledgerKeys(prefix);
  const key = isUnitFiling(entry.verdict) ? filingKey(entry.verdict) : '';
  const receivedMs = Date.parse(entry.verdict.receivedAt);
  if (Number.isNaN(receivedMs)) throw new Error(`recordVerdict: receivedAt "${entry.verdict.receivedAt}" is not a date`);
  const [seen, stored] = (await redis.eval(
    RECORD_SCRIPT, 6,
    keys.entries, keys.results, keys.order, keys.units, keys.received, keys.filingsOf + key,
    entry.emailId, JSON.stringify(entry), key, String(receivedMs), entry.verdict.receivedAt,
  )) as [number, string];
  return { duplicate: seen === 1, ...(JSON.parse(stored) as RecordedResult) };
}

type Snapshot = [order: string[], flatEntries: string[], keys: string[], filings: string[][], currents: string[], flatResults: string[]];

/** Everything the spreadsheet and the digest need, read as one consistent snapshot. */
export async function readLedger(redis: Redis, prefix: string): Promise<LedgerState> {
  const keys = ledgerKeys(prefix);
  const [order, flatEntries, filingKeys, filingIds, currents, flatResults] = (await redis.eval(
    READ_SCRIPT, 4, keys.entries, keys.order, keys.units, keys.results, keys.filingsOf,
  )) as Snapshot;
  const entries = pairs<LedgerEntry>(flatEntries);
  const results = pairs<RecordedResult>(flatResults);
  const records = new Map<string, LedgerRecord>(order.map((id) => [id, { entry: entries.get(id)!, filing: null, recorded: results.get(id) }]));
  const filings: Record<string, LedgerRecord[]> = {};
  filingKeys.forEach((key, k) => {
    filings[key] = filingIds[k].map((id, i) => {
      const record = records.get(id)!;
      record.filing = { version: i + 1, current: id === currents[k] };
      return record;
    });
  });
  return { records: [...records.values()], filings };
}

/** A flat HGETALL reply of JSON values as a map. */
function pairs<T>(flat: string[]): Map<string, T> {
  const map = new Map<string, T>();
  for (let i = 0; i < flat.length; i += 2) map.set(flat[i], JSON.parse(flat[i + 1]) as T);
  return map;
}
