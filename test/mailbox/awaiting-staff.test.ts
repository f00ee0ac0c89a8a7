// Which emails the bot could not answer still wait for staff, read from the real local Dovecot: one staff replied to
// from a mail client (\Answered), deleted or moved away is dealt with; one merely read still waits, and so does one
// whose mailbox was rebuilt (its place cannot be judged). The digest names only those still waiting, and all of them
// when it cannot read the mailbox.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnsentReply } from '../../src/ledger/digest-view.ts';
import { awaitingStaff } from '../../src/mailbox/awaiting-staff.ts';
import { MailboxSession } from '../../src/mailbox/mailbox-session.ts';
import type { MailboxPlace } from '../../src/service/jobs.ts';
import type { ServiceContext } from '../../src/service/service-context.ts';
import { stillUnanswered } from '../../src/service/stages/digest-stage.ts';
import { entryOf } from '../ledger/ledger-builders.ts';
import { openStage, startServices, type Stage } from '../poller/poller-fixture.ts';

let stage: Stage;
const elsewhere = () => `${stage.folder}-filed-by-hand`;
beforeAll(async () => {
  stage = await openStage(await startServices());
  await stage.imap.mailboxCreate(elsewhere());
}, 620_000);
afterAll(async () => {
  await stage?.imap.mailboxDelete(elsewhere());
  await stage?.dispose();
});

async function placed(n: number): Promise<MailboxPlace> {
  const raw = Buffer.from(`From: county@local.test\r\nTo: city@local.test\r\nSubject: filing ${n}\r\n\r\nbody ${n}\r\n`);
  const added = await stage.imap.append(stage.folder, raw);
  if (!added || !added.uid) throw new Error('APPEND gave no UID (UIDPLUS)');
  return { mailbox: stage.folder, uidValidity: String(added.uidValidity), uid: added.uid };
}

describe('an unanswered email', () => {
  it('waits until staff answer, delete or move it; one merely read still waits', async () => {
    const [untouched, read, answered, deleted, moved] = await Promise.all([1, 2, 3, 4, 5].map(placed));
    const lock = await stage.imap.getMailboxLock(stage.folder);
    try {
      await stage.imap.messageFlagsAdd(String(read.uid), ['\\Seen'], { uid: true });
      await stage.imap.messageFlagsAdd(String(answered.uid), ['\\Answered', '\\Seen'], { uid: true });
      await stage.imap.messageFlagsAdd(String(deleted.uid), ['\\Deleted'], { uid: true });
      await stage.imap.messageMove(String(moved.uid), elsewhere(), { uid: true });
    } finally {
      lock.release();
    }
    const rebuilt = { ...untouched, uidValidity: '1' };
    const places = [untouched, read, answered, deleted, moved, rebuilt, undefined];
    expect(await awaitingStaff(stage.imap, places)).toEqual([true, true, false, false, false, true, true]);
  });
});

describe("the digest's list of unsent replies", () => {
  const held = (place: MailboxPlace): UnsentReply => ({
    record: { entry: entryOf({ unit: '平江县', decision: 'accept', receivedAt: '2022-07-01T10:00:00+08:00' }, { place }), filing: null },
    why: 'held', detail: '',
  });

  it('leaves out the emails staff have answered, and keeps every one when the mailbox cannot be read', async () => {
    const [waiting, answered] = await Promise.all([6, 7].map(placed));
    const lock = await stage.imap.getMailboxLock(stage.folder);
    try {
      await stage.imap.messageFlagsAdd(String(answered.uid), ['\\Answered'], { uid: true });
    } finally {
      lock.release();
    }
    const unsent = [held(waiting), held(answered)];
    const ctx = { log: stage.deps.log } as unknown as ServiceContext;
    const mailbox = new MailboxSession(stage.settings.imap, stage.deps.log);
    try {
      expect(await stillUnanswered(ctx, mailbox, unsent)).toEqual([unsent[0]]);
    } finally {
      await mailbox.close();
    }
    const closed = new MailboxSession({ ...stage.settings.imap, port: await closedPort() }, stage.deps.log);
    expect(await stillUnanswered(ctx, closed, unsent)).toEqual(unsent);
  });
});

/** A loopback port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
