// A FETCH answer may carry messages the poller did not ask for: the server's unsolicited news of another session's
// flag changes or moves (the reply worker files answered mail), without a UID. Only the messages asked for are
// handed off; an outside examiner saw the poller's session fail on one ("Invalid sequence set value").
import type { ImapFlow } from 'imapflow';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readCheckpoint } from '../../src/poller/checkpoint.ts';
import { catchUp, type CatchUpContext } from '../../src/poller/catch-up.ts';
import { dropPrefix, localRedisUrl, uniquePrefix } from '../ledger/redis-for-tests.ts';
import { tempDirForTest } from '../temp-dir.ts';
import { rawEmail } from './poller-fixture.ts';

let redis: Redis;
const prefix = uniquePrefix();

beforeAll(async () => { redis = new Redis(await localRedisUrl()); });
afterAll(async () => {
  await dropPrefix(redis, prefix);
  await redis.quit();
});

const raw = rawEmail('asked for');

/** A client whose FETCH answer holds, beside the message asked for, an unsolicited flags update of message 3. */
function clientWithUnaskedNews(): ImapFlow {
  return {
    mailboxOpen: async () => ({ uidValidity: 42n }),
    search: async () => [7],
    fetchAll: async () => [
      { seq: 3, flags: new Set(['\\Answered']) },
      { seq: 1, uid: 7, size: raw.length, internalDate: new Date('2022-07-01T06:20:11Z') },
    ],
    fetchOne: vi.fn(async (uid: string) => {
      if (uid !== '7') throw new Error('Invalid sequence set value');
      return { uid: 7, source: raw };
    }),
  } as unknown as ImapFlow;
}

describe('catching up a mailbox', () => {
  it('hands off only the messages it asked for, not the unsolicited news in the same answer', async () => {
    const add = vi.fn(async () => ({}));
    const ctx = {
      client: clientWithUnaskedNews(),
      config: { mailbox: 'INBOX', dataDir: tempDirForTest('catch-up-'), maxEmailBytes: 1_000_000, ignoreBefore: null },
      deps: { redis, queue: { add, getJob: async () => undefined } },
      checkpointKey: `${prefix}:checkpoint`,
      log: pino({ level: 'silent' }),
    } as unknown as CatchUpContext;
    const jobs = await catchUp(ctx);
    expect(jobs.map((job) => job.place.uid)).toEqual([7]);
    expect(add).toHaveBeenCalledTimes(1);
    expect(await readCheckpoint(redis, ctx.checkpointKey)).toEqual({ uidValidity: '42', lastUid: 7 });
  });
});
