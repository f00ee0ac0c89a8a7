// One catch-up of a mailbox against the real Dovecot and Redis: archive, queue, checkpoint, UIDVALIDITY, unseen.
import iconv from 'iconv-lite';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ServicesEnv } from '../../scripts/services/services-env.ts';
import { readArchivedEmail } from '../../src/archive/archive-email.ts';
import { pollerConfig, pollOnce } from '../../src/poller/index.ts';
import { mailboxKey } from '../../src/poller/mailbox-key.ts';
import { lockKey } from '../../src/poller/mailbox-lock.ts';
import { emailIdOf } from '../../src/service/jobs.ts';
import { capturedLog } from '../captured-log.ts';
import { appendEmail, openStage, queuedJobs, rawEmail, startServices, type Stage } from './poller-fixture.ts';

let env: ServicesEnv;
let stage: Stage;

beforeAll(async () => {
  env = await startServices();
}, 620_000);

afterEach(async () => {
  await stage?.dispose();
});

const may1 = new Date('2022-05-01T08:00:00Z');
const may2 = new Date('2022-05-02T09:30:00Z');

describe('polling a mailbox once', () => {
  it("an email's 8-bit GBK subject (no encoded words) is logged as the sender wrote it", async () => {
    stage = await openStage(env);
    const subject = '平江县专题资源推荐表（最新版）';
    const raw = Buffer.concat([
      Buffer.from('From: pjx@county.test\r\nTo: yysyj@126.com\r\nSubject: '), iconv.encode(subject, 'gbk'),
      Buffer.from('\r\nMessage-ID: <gbk-subject@county.test>\r\nContent-Type: text/plain; charset=GBK\r\n\r\n'),
      iconv.encode('推荐表见附件。\r\n', 'gbk'),
    ]);
    await appendEmail(stage, raw, may1);
    const { log, lines } = capturedLog();
    await pollOnce(stage.settings, { ...stage.deps, log });
    expect(lines.filter((l) => l.msg === 'email handed off').map((l) => l.subject)).toEqual([subject]);
  });

  it('messages appended with internal dates are archived and queued once each, carrying the internal date', async () => {
    stage = await openStage(env);
    const first = rawEmail('first');
    const second = rawEmail('second');
    const uids = [await appendEmail(stage, first, may1), await appendEmail(stage, second, may2)];
    const handedOff = await pollOnce(stage.settings, stage.deps);
    expect(handedOff?.map((job) => job.emailId)).toEqual([emailIdOf(first), emailIdOf(second)]);
    const jobs = await queuedJobs(stage);
    expect(jobs.map((job) => job.internalDate)).toEqual([may1.toISOString(), may2.toISOString()]);
    expect(jobs.map((job) => job.place.uid)).toEqual(uids);
    expect(jobs.every((job) => job.place.mailbox === stage.folder)).toBe(true);
    expect(await readArchivedEmail(stage.settings.dataDir, jobs[0].archivePath)).toEqual(first);
    const queued = await stage.deps.queue.getJob(emailIdOf(second));
    expect(queued?.data.archivePath).toBe(jobs[1].archivePath);
  });

  it('polling twice queues nothing new', async () => {
    stage = await openStage(env);
    await appendEmail(stage, rawEmail('once'), may1);
    expect(await pollOnce(stage.settings, stage.deps)).toHaveLength(1);
    expect(await pollOnce(stage.settings, stage.deps)).toEqual([]);
    expect(await queuedJobs(stage)).toHaveLength(1);
  });

  it('a later poll catches up from the checkpoint: only mail after it is handed off', async () => {
    stage = await openStage(env);
    await appendEmail(stage, rawEmail('before-restart'), may1);
    await pollOnce(stage.settings, stage.deps);
    const later = rawEmail('after-restart');
    await appendEmail(stage, later, may2);
    const handedOff = await pollOnce(stage.settings, stage.deps);
    expect(handedOff?.map((job) => job.emailId)).toEqual([emailIdOf(later)]);
    expect(await queuedJobs(stage)).toHaveLength(2);
  });

  it('when UIDVALIDITY changes the mailbox is read again from the start; an email already queued comes again only as a copy', async () => {
    stage = await openStage(env);
    const kept = rawEmail('kept');
    await appendEmail(stage, kept, may1);
    const [before] = (await pollOnce(stage.settings, stage.deps)) ?? [];
    // Deleting and recreating a folder gives it a new UIDVALIDITY, as a server rebuild would.
    await stage.imap.mailboxDelete(stage.folder);
    await stage.imap.mailboxCreate(stage.folder);
    const added = rawEmail('added');
    await appendEmail(stage, kept, may1);
    await appendEmail(stage, added, may2);
    const after = (await pollOnce(stage.settings, stage.deps)) ?? [];
    expect(after.map((job) => job.emailId)).toEqual([emailIdOf(kept), emailIdOf(added)]);
    expect(after[0].place.uidValidity).not.toBe(before.place.uidValidity);
    // The job id is the email id: the kept email is queued again only as a copy at its new place, to be filed there
    // as the first was (never answered again).
    const jobs = await queuedJobs(stage);
    expect(jobs.filter((job) => !job.copy).map((job) => job.emailId).sort()).toEqual([emailIdOf(kept), emailIdOf(added)].sort());
    expect(jobs.filter((job) => job.copy).map((job) => [job.emailId, job.place.uidValidity])).toEqual([[emailIdOf(kept), after[0].place.uidValidity]]);
  });

  it('polled messages stay unseen, so staff still see them as new mail', async () => {
    stage = await openStage(env);
    const uid = await appendEmail(stage, rawEmail('unseen'), may1);
    await pollOnce(stage.settings, stage.deps);
    await stage.imap.mailboxOpen(stage.folder);
    const message = await stage.imap.fetchOne(String(uid), { flags: true }, { uid: true });
    expect(message && [...(message.flags ?? [])]).not.toContain('\\Seen');
  });

  it('a message over the size cap is queued marked oversize, with only its header archived', async () => {
    stage = await openStage(env, { maxEmailBytes: 1_000 });
    const big = rawEmail('big', 'x'.repeat(5_000));
    await appendEmail(stage, big, may1);
    const [job] = (await pollOnce(stage.settings, stage.deps)) ?? [];
    expect(job.notDownloaded).toMatchObject({ reason: 'oversize', bytes: big.length, limitBytes: 1_000 });
    const archived = await readArchivedEmail(stage.settings.dataDir, job.archivePath);
    expect(archived.toString()).toContain('Message-ID: <big@county.test>');
    expect(archived.toString()).not.toContain('xxxxx');
  });

  it('mail received before the configured start is passed over, and the checkpoint moves past it', async () => {
    stage = await openStage(env, { ignoreBefore: '2022-05-02T00:00:00Z' });
    await appendEmail(stage, rawEmail('old'), may1);
    const current = rawEmail('current');
    await appendEmail(stage, current, may2);
    expect((await pollOnce(stage.settings, stage.deps))?.map((job) => job.emailId)).toEqual([emailIdOf(current)]);
    expect(await pollOnce(stage.settings, stage.deps)).toEqual([]);
  });

  it('while another process holds the mailbox lock, a single poll does nothing', async () => {
    stage = await openStage(env);
    await appendEmail(stage, rawEmail('locked'), may1);
    const config = pollerConfig(stage.settings);
    const heldByOther = lockKey(config.keyPrefix, mailboxKey(config));
    await stage.deps.redis.set(heldByOther, 'another-process', 'PX', 60_000);
    expect(await pollOnce(stage.settings, stage.deps)).toBeNull();
    expect(await queuedJobs(stage)).toEqual([]);
  });
});
