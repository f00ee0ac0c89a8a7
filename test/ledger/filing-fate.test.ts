// Which filings count and what became of a returned one, in the words every sheet and the digest use.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counts, filingStanding, returnFollowUp } from '../../src/ledger/filing-fate.ts';
import { readLedger, recordVerdict } from '../../src/ledger/ledger-store.ts';
import type { LedgerEntry, LedgerRecord, LedgerState } from '../../src/ledger/ledger-types.ts';
import { entryOf, errorOf } from './ledger-builders.ts';
import { dropPrefix, localRedisUrl, uniquePrefix } from './redis-for-tests.ts';

const returned = (unit: string, receivedAt: string) =>
  entryOf({ unit, decision: 'reject', receivedAt, perSection: 1, errors: [errorOf('NO_STAMP')] });
const accepted = (unit: string, receivedAt: string, warnings = [] as ReturnType<typeof errorOf>[]) =>
  entryOf({ unit, decision: 'accept', receivedAt, perSection: 5, warnings });

const entries = {
  fixedLater: returned('平江县', '2022-07-01T09:00:00+08:00'),
  fix: accepted('平江县', '2022-07-02T09:00:00+08:00'),
  standing: accepted('岳阳县', '2022-07-01T09:00:00+08:00'),
  correctionReturned: returned('岳阳县', '2022-07-02T09:00:00+08:00'),
  strangers: accepted('岳阳县', '2022-07-03T09:00:00+08:00', [errorOf('UNREGISTERED_SENDER')]),
  firstReturn: returned('华容县', '2022-07-01T09:00:00+08:00'),
  secondReturn: returned('华容县', '2022-07-02T09:00:00+08:00'),
};

let redis: Redis;
let prefix: string;
let state: LedgerState;
const recordOf = (entry: LedgerEntry): LedgerRecord => state.records.find((r) => r.entry.emailId === entry.emailId)!;

beforeAll(async () => {
  redis = new Redis(await localRedisUrl());
  prefix = uniquePrefix();
  for (const entry of Object.values(entries)) await recordVerdict(redis, prefix, entry);
  state = await readLedger(redis, prefix);
});
afterAll(async () => {
  await dropPrefix(redis, prefix);
  await redis.quit();
});

describe('a filing', () => {
  it('counts only when accepted and current', () => {
    expect(Object.entries(entries).filter(([, e]) => counts(recordOf(e))).map(([name]) => name)).toEqual(['fix', 'standing']);
  });

  it('that does not count says which version does', () => {
    expect(filingStanding(state, recordOf(entries.fix))).toBe('计入（当前有效的受理版本）');
    expect(filingStanding(state, recordOf(entries.strangers))).toBe('不计入（已受理，以第1版受理版本为准）');
    expect(filingStanding(state, recordOf(entries.fixedLater))).toBe('不计入（已退回，以第2版受理版本为准）');
    expect(filingStanding(state, recordOf(entries.secondReturn))).toBe('不计入（已退回，该单位尚无受理版本）');
    expect(filingStanding(state, recordOf(entries.firstReturn))).toBe('不计入（已退回，已被第2版替代，该版亦已退回）');
  });

  it('returned says what became of it since', () => {
    expect(returnFollowUp(state, recordOf(entries.fixedLater))).toBe('已重报受理（第2版）');
    expect(returnFollowUp(state, recordOf(entries.correctionReturned))).toBe('此前受理的第1版仍有效');
    expect(returnFollowUp(state, recordOf(entries.firstReturn))).toBe('已再报送（第2版），仍被退回');
    expect(returnFollowUp(state, recordOf(entries.secondReturn))).toBe('尚无受理版本');
  });
});
