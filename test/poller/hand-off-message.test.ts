// Handing off one message when the server will not give out its body: the header is queued, the loop goes on.
import type { FetchMessageObject, ImapFlow } from 'imapflow';
import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { readArchivedEmail } from '../../src/archive/archive-email.ts';
import { handOffMessage, type HandOffContext } from '../../src/poller/hand-off-message.ts';
import { tempDirForTest } from '../temp-dir.ts';
import { rawEmail } from './poller-fixture.ts';

const header = Buffer.from('From: xyxjyj@126.com\r\nSubject: refused\r\n\r\n');

/** A client answering as imapflow does when the server says NO to a FETCH (the error carries responseStatus). */
function clientRefusing(status: 'NO' | 'BAD' | undefined): ImapFlow {
  const fetchOne = vi.fn(async (_uid: string, query: { source?: boolean; headers?: boolean }) => {
    if (query.headers) return { uid: 7, headers: header };
    throw Object.assign(new Error('Command failed'), { responseStatus: status });
  });
  return { fetchOne } as unknown as ImapFlow;
}

async function context(client: ImapFlow) {
  const add = vi.fn(async () => ({}));
  const ctx = {
    client,
    config: { mailbox: 'INBOX', dataDir: tempDirForTest('hand-off-'), maxEmailBytes: 1_000_000 },
    deps: { queue: { add, getJob: async () => undefined } },
    uidValidity: '42',
    log: pino({ level: 'silent' }),
  } as unknown as HandOffContext;
  return { ctx, add };
}

const message = { seq: 1, uid: 7, size: rawEmail('x').length, internalDate: new Date('2022-07-01T06:20:11Z') } as FetchMessageObject;

describe('handing off a message the server refuses to hand out', () => {
  it('its header is archived and queued marked refused, so the county can still be told', async () => {
    const { ctx, add } = await context(clientRefusing('NO'));
    const job = await handOffMessage(ctx, message);
    expect(job?.notDownloaded?.reason).toBe('refused');
    expect(await readArchivedEmail(ctx.config.dataDir, job!.archivePath)).toEqual(header);
    expect(add).toHaveBeenCalledWith('intake', job, { jobId: job?.emailId });
  });

  it('a failure that is not the server refusing (a dropped line) is thrown, to be retried after reconnecting', async () => {
    const { ctx, add } = await context(clientRefusing(undefined));
    await expect(handOffMessage(ctx, message)).rejects.toThrow('Command failed');
    expect(add).not.toHaveBeenCalled();
  });
});
