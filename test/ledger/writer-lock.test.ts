// The ledger's single-writer lock against the real Redis: a second writer is kept out until the first is done.
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LedgerLockBusyError, LedgerLockLostError, withLedgerWriterLock, writerLockKey } from '../../src/ledger/writer-lock.ts';
import { dropPrefix, localRedisUrl, uniquePrefix } from './redis-for-tests.ts';

let first: Redis;
let second: Redis;
let prefix: string;

beforeAll(async () => {
  const url = await localRedisUrl();
  [first, second] = [new Redis(url), new Redis(url)];
});
afterAll(async () => { await Promise.all([first.quit(), second.quit()]); });
beforeEach(() => { prefix = uniquePrefix(); });
afterEach(async () => { await dropPrefix(first, prefix); });

/** A promise and the function that settles it, to hold a writer inside its lock until the test lets go. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => { open = resolve; });
  return { opened, open };
}

describe('the ledger writer lock', () => {
  it('while one process writes, a second writer that will not wait is refused', async () => {
    const { opened, open } = gate();
    const holding = withLedgerWriterLock(first, prefix, () => opened);
    await first.ping(); // the first writer's SET has been served on this connection
    await expect(withLedgerWriterLock(second, prefix, async () => 'written', { waitMs: 0 }))
      .rejects.toBeInstanceOf(LedgerLockBusyError);
    open();
    await holding;
  });

  it('a second writer that waits starts only after the first has finished', async () => {
    const events: string[] = [];
    const { opened, open } = gate();
    const holding = withLedgerWriterLock(first, prefix, async () => {
      events.push('first starts');
      await opened;
      events.push('first ends');
    });
    await first.ping();
    const waiting = withLedgerWriterLock(second, prefix, async () => { events.push('second starts'); });
    await second.ping(); // its first attempt was served, and refused: the first still holds the lock
    expect(events).toEqual(['first starts']);
    open();
    await Promise.all([holding, waiting]);
    expect(events).toEqual(['first starts', 'first ends', 'second starts']);
  });

  it('the lock is released when the writer fails, so the next writer gets in at once', async () => {
    await expect(withLedgerWriterLock(first, prefix, async () => { throw new Error('disk full'); })).rejects.toThrow('disk full');
    await expect(withLedgerWriterLock(second, prefix, async () => 'written', { waitMs: 0 })).resolves.toBe('written');
  });

  it('a writer whose lock was taken over does not release the new holder\'s lock and reports the loss', async () => {
    const key = writerLockKey(prefix);
    const run = withLedgerWriterLock(first, prefix, async () => { await second.set(key, 'another-holder'); });
    await expect(run).rejects.toBeInstanceOf(LedgerLockLostError);
    expect(await second.get(key)).toBe('another-holder');
  });
});
