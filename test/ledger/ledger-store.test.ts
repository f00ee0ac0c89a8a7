// The state of record against the real Redis: recorded once per email, filings superseded by received time (a
// returned one never displacing an accepted one),
// several connections recording at once.
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readLedger, recordVerdict } from '../../src/ledger/ledger-store.ts';
import { filingWarnings, resubmissionWarning } from '../../src/ledger/filing-warnings.ts';
import { entryOf, errorOf } from './ledger-builders.ts';
import { dropPrefix, localRedisUrl, uniquePrefix } from './redis-for-tests.ts';

let url: string;
let redis: Redis;
let prefix: string;

beforeAll(async () => {
  url = await localRedisUrl();
  redis = new Redis(url);
});
afterAll(async () => { await redis.quit(); });
beforeEach(() => { prefix = uniquePrefix(); });
afterEach(async () => { await dropPrefix(redis, prefix); });

const accepted = (unit: string, receivedAt: string) => entryOf({ unit, decision: 'accept', receivedAt, perSection: 5 });

describe('recording verdicts', () => {
  it('recording the same email twice changes nothing and says it was a duplicate, with the first result', async () => {
    const first = accepted('平江县', '2022-07-01T10:00:00+08:00');
    await recordVerdict(redis, prefix, accepted('平江县', '2022-06-30T09:00:00+08:00'));
    const once = await recordVerdict(redis, prefix, first);
    const twice = await recordVerdict(redis, prefix, { ...first, handledAt: '2022-07-02T00:00:00+08:00' });
    expect(once.duplicate).toBe(false);
    expect(twice).toEqual({ ...once, duplicate: true });
    const state = await readLedger(redis, prefix);
    expect(state.records).toHaveLength(2);
    expect(state.filings['平江县']).toHaveLength(2);
    expect(state.records[1].entry.handledAt).toBe(first.handledAt);
  });

  it('a newer filing of a unit supersedes its older one and gets the next version', async () => {
    const older = entryOf({ unit: '岳阳县', decision: 'reject', receivedAt: '2022-07-01T10:00:00+08:00', errors: [errorOf('NO_STAMP')] });
    const newer = accepted('岳阳县', '2022-07-02T10:00:00+08:00');
    expect(await recordVerdict(redis, prefix, older)).toEqual({ duplicate: false, version: 1, supersedes: null, supersededBy: null });
    expect(await recordVerdict(redis, prefix, newer)).toEqual({
      duplicate: false, version: 2, supersedes: { emailId: older.emailId, receivedAt: older.verdict.receivedAt, accepted: false }, supersededBy: null,
    });
    const filings = (await readLedger(redis, prefix)).filings['岳阳县'];
    expect(filings.map((r) => [r.entry.emailId, r.filing])).toEqual([
      [older.emailId, { version: 1, current: false }],
      [newer.emailId, { version: 2, current: true }],
    ]);
  });

  it('a returned filing leaves the accepted one current (a correction sent back, a late one, a stranger\'s), until another is accepted', async () => {
    const first = accepted('汨罗市', '2022-07-01T10:00:00+08:00');
    const returned = entryOf({ unit: '汨罗市', decision: 'reject', receivedAt: '2022-07-02T10:00:00+08:00', errors: [errorOf('NO_STAMP')] });
    const late = entryOf({ unit: '汨罗市', decision: 'reject', receivedAt: '2022-07-05T10:00:00+08:00', errors: [errorOf('LATE')] });
    const firstRef = { emailId: first.emailId, receivedAt: first.verdict.receivedAt, accepted: true };
    await recordVerdict(redis, prefix, first);
    expect(await recordVerdict(redis, prefix, returned)).toEqual({ duplicate: false, version: 2, supersedes: null, supersededBy: firstRef });
    expect(await recordVerdict(redis, prefix, late)).toEqual({ duplicate: false, version: 3, supersedes: null, supersededBy: firstRef });
    const current = async () => (await readLedger(redis, prefix)).filings['汨罗市'].filter((r) => r.filing?.current).map((r) => r.entry.emailId);
    expect(await current()).toEqual([first.emailId]);
    const fixed = accepted('汨罗市', '2022-07-03T10:00:00+08:00');
    expect((await recordVerdict(redis, prefix, fixed)).supersedes).toEqual(firstRef);
    expect(await current()).toEqual([fixed.emailId]);
  });

  it('the RESUBMISSION warning for what a filing superseded names the unit and the earlier filing\'s local time', async () => {
    await recordVerdict(redis, prefix, accepted('湘阴县', '2022-07-01T02:12:00Z'));
    const { supersedes } = await recordVerdict(redis, prefix, accepted('湘阴县', '2022-07-02T10:00:00+08:00'));
    expect(resubmissionWarning('湘阴县', supersedes!, 'Asia/Shanghai')).toEqual({
      code: 'RESUBMISSION', message: '本次报送替代湘阴县于2022年7月1日 10:12:00的报送，以本次为准。',
    });
  });

  it('a returned filing\'s reply says the accepted one stands; one that replaced a filing names it', async () => {
    const previous = { emailId: 'x', receivedAt: '2022-07-01T02:12:00Z', accepted: true };
    const returned = { unit: '湘阴县', filer: null, decision: 'reject' as const, errors: [errorOf('NO_STAMP')], warnings: [] };
    const stands = filingWarnings(returned, { supersedes: null, supersededBy: previous }, 'Asia/Shanghai');
    expect(stands).toEqual([{
      code: 'ACCEPTED_FILING_STANDS',
      message: '湘阴县于2022年7月1日 10:12:00的报送已受理，仍然有效；本次报送未受理，不替代已受理的报送。如需以本次为准，请修改后重新发送。',
    }]);
    const late = filingWarnings({ ...returned, errors: [errorOf('LATE')] }, { supersedes: null, supersededBy: previous }, 'Asia/Shanghai');
    expect(late).toEqual([{ code: 'ACCEPTED_FILING_STANDS', message: '湘阴县于2022年7月1日 10:12:00的报送已受理，仍然有效；本次报送逾期，不替代已受理的报送。' }]);
    // A returned filing after a returned one is told only what to fix, never that it replaces the earlier one.
    const replaced = filingWarnings(returned, { supersedes: { ...previous, accepted: false }, supersededBy: null }, 'Asia/Shanghai');
    expect(replaced).toEqual([]);
    // An older accepted filing arriving after a newer one says nothing of it; a first filing neither.
    const acceptedFiling = { unit: '湘阴县', filer: null, decision: 'accept' as const, errors: [], warnings: [] };
    expect(filingWarnings(acceptedFiling, { supersedes: null, supersededBy: previous }, 'Asia/Shanghai')).toEqual([]);
    expect(filingWarnings(acceptedFiling, { supersedes: null, supersededBy: null }, 'Asia/Shanghai')).toEqual([]);
    // One accepted from an unregistered address that leaves the unit's own filing current says so.
    const stranger = { ...acceptedFiling, warnings: [errorOf('UNREGISTERED_SENDER')] };
    expect(filingWarnings(stranger, { supersedes: null, supersededBy: previous }, 'Asia/Shanghai')).toEqual([{
      code: 'ACCEPTED_FILING_STANDS',
      message: '本次报送的发件邮箱未登记为湘阴县的报送邮箱，因此本次报送暂不替代湘阴县于2022年7月1日 10:12:00的报送，目前仍以该次报送为准。'
        + '如本次为本单位的更正，请从登记的报送邮箱重新发送，受理后即以重新发送的为准；如该邮箱确为本单位的报送邮箱，请与我们联系登记。',
    }]);
  });

  it('an accepted filing from an address not registered for the unit does not displace one from a registered address', async () => {
    const own = accepted('湘阴县', '2022-07-01T10:00:00+08:00');
    const stranger = entryOf({ unit: '湘阴县', decision: 'accept', receivedAt: '2022-07-02T10:00:00+08:00', perSection: 5,
      warnings: [errorOf('UNREGISTERED_SENDER')] });
    const ownRef = { emailId: own.emailId, receivedAt: own.verdict.receivedAt, accepted: true };
    await recordVerdict(redis, prefix, own);
    expect(await recordVerdict(redis, prefix, stranger)).toEqual({ duplicate: false, version: 2, supersedes: null, supersededBy: ownRef });
    const current = async () => (await readLedger(redis, prefix)).filings['湘阴县'].filter((r) => r.filing?.current).map((r) => r.entry.emailId);
    expect(await current()).toEqual([own.emailId]);
    // With no filing from a registered address, the unregistered one is current; a registered one then replaces it.
    const other = entryOf({ unit: '君山区', decision: 'accept', receivedAt: '2022-07-01T10:00:00+08:00', perSection: 3,
      warnings: [errorOf('UNREGISTERED_SENDER')] });
    await recordVerdict(redis, prefix, other);
    const registered = accepted('君山区', '2022-07-01T09:00:00+08:00');
    expect((await recordVerdict(redis, prefix, registered)).supersedes?.emailId).toBe(other.emailId);
    expect((await readLedger(redis, prefix)).filings['君山区'].filter((r) => r.filing?.current).map((r) => r.entry.emailId))
      .toEqual([registered.emailId]);
  });

  it('an older filing that arrives later does not supersede the newer one, and is kept as an earlier version', async () => {
    const newer = accepted('华容县', '2022-07-03T08:00:00+08:00');
    const older = accepted('华容县', '2022-07-01T08:00:00+08:00');
    await recordVerdict(redis, prefix, newer);
    const late = await recordVerdict(redis, prefix, older);
    expect(late).toEqual({
      duplicate: false, version: 1, supersedes: null, supersededBy: { emailId: newer.emailId, receivedAt: newer.verdict.receivedAt, accepted: true },
    });
    const state = await readLedger(redis, prefix);
    expect(state.records.map((r) => r.entry.emailId)).toEqual([newer.emailId, older.emailId]);
    expect(state.filings['华容县'].map((r) => [r.entry.emailId, r.filing?.current])).toEqual([
      [older.emailId, false],
      [newer.emailId, true],
    ]);
  });

  it('received times in different zone notations are ordered as moments, not as text', async () => {
    const utc = accepted('临湘市', '2022-07-01T03:00:00Z'); // 11:00 in Shanghai
    const local = accepted('临湘市', '2022-07-01T10:00:00+08:00');
    await recordVerdict(redis, prefix, utc);
    expect((await recordVerdict(redis, prefix, local)).supersededBy?.emailId).toBe(utc.emailId);
  });

  it('ignored mail and mail of no known unit are kept as emails but are nobody\'s filing', async () => {
    const ignored = entryOf({ unit: null, decision: 'ignore', receivedAt: '2022-07-01T08:00:00+08:00', warnings: [errorOf('AUTO_GENERATED')] });
    const nameless = entryOf({ unit: null, decision: 'reject', receivedAt: '2022-07-01T09:00:00+08:00', errors: [errorOf('UNKNOWN_UNIT')] });
    const ignoredOfUnit = entryOf({ unit: '汨罗市', decision: 'ignore', receivedAt: '2022-07-01T10:00:00+08:00' });
    for (const entry of [ignored, nameless, ignoredOfUnit]) {
      expect(await recordVerdict(redis, prefix, entry)).toEqual({ duplicate: false, version: null, supersedes: null, supersededBy: null });
    }
    const state = await readLedger(redis, prefix);
    expect(state.records.map((r) => [r.entry.emailId, r.filing])).toEqual([
      [ignored.emailId, null], [nameless.emailId, null], [ignoredOfUnit.emailId, null],
    ]);
    expect(state.filings).toEqual({});
  });

  it('an entry whose received time is not a date is refused before anything is stored', async () => {
    await expect(recordVerdict(redis, prefix, accepted('平江县', 'yesterday'))).rejects.toThrow(/not a date/);
    expect((await readLedger(redis, prefix)).records).toEqual([]);
  });
});

describe('recording from several connections at once', () => {
  it('every email is recorded exactly once and the unit keeps one current filing and unbroken versions', async () => {
    const connections = Array.from({ length: 4 }, () => new Redis(url));
    try {
      const entries = Array.from({ length: 40 }, (_, i) =>
        accepted('岳阳楼区', new Date(Date.UTC(2022, 5, 20, 0, 0, i)).toISOString()));
      // Every entry is sent twice, from two different connections, all at once.
      const results = await Promise.all(entries.flatMap((entry, i) => [
        recordVerdict(connections[i % 4], prefix, entry),
        recordVerdict(connections[(i + 1) % 4], prefix, entry),
      ]));
      expect(results.filter((r) => !r.duplicate)).toHaveLength(entries.length);
      const state = await readLedger(redis, prefix);
      expect(new Set(state.records.map((r) => r.entry.emailId)).size).toBe(entries.length);
      const filings = state.filings['岳阳楼区'];
      expect(filings.map((r) => r.entry.emailId)).toEqual(entries.map((e) => e.emailId));
      expect(filings.map((r) => r.filing?.version)).toEqual(entries.map((_, i) => i + 1));
      expect(filings.filter((r) => r.filing?.current).map((r) => r.entry.emailId)).toEqual([entries.at(-1)!.emailId]);
    } finally {
      await Promise.all(connections.map((c) => c.quit()));
    }
  });
});
