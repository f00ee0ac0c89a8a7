// The running bot on the local services, sending through an SMTP server of the test's own (smtp-server on loopback,
// passing what it takes on to the local front door, so counties see it): while that server refuses the bot's login
// (535, as 126 answers a mistyped 授权码) replies wait, never given up as refused, and the server sees one login a
// pause, not one for each reply owed; once the login is accepted again each goes out exactly once, when the pause ends
// or, after a restart, at once, unless staff answered the email by hand meanwhile. A 550 to a recipient still ends
// that reply at the first try.
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ServicesEnv } from '../../scripts/services/services-env.ts';
import type { Bot } from '../../src/service/bot.ts';
import {
  deliver, fixture, freshCopy, handledEmails, openStage, recordOf, SAMPLE, startServices, startStageBot, waitUntilHandled,
  type CountyEmail, type Stage,
} from './harness.ts';
import { cityMessages, repliesByOriginal, withAccount } from './mail-lookup.ts';

const REFUSED_RECIPIENT = 'hrx@county.test';

/** What the test's SMTP server saw: refused logins, and each message it took with the time it took it. */
const seen = { refusedLogins: [] as number[], taken: [] as { at: number; raw: string }[] };
let loginRefused = true;
let smtp: SMTPServer;
let env: ServicesEnv;
let stage: Stage;
let bot: Bot | undefined;

async function startSmtp(frontDoor: { host: string; port: number }): Promise<number> {
  const onward = nodemailer.createTransport({ host: frontDoor.host, port: frontDoor.port, secure: false, ignoreTLS: true });
  smtp = new SMTPServer({
    secure: false, disabledCommands: ['STARTTLS'], allowInsecureAuth: true, logger: false,
    onAuth(auth, _session, done) {
      if (!loginRefused) return done(null, { user: auth.username });
      seen.refusedLogins.push(Date.now());
      done(Object.assign(new Error('Error: authentication failed'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, done) {
      if (address.address === REFUSED_RECIPIENT) return done(Object.assign(new Error('no such user'), { responseCode: 550 }));
      done();
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        seen.taken.push({ at: Date.now(), raw: raw.toString('latin1') });
        const envelope = { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address) };
        onward.sendMail({ envelope, raw }).then(() => done(), (err: Error) => done(err));
      });
    },
  });
  smtp.on('close', () => onward.close());
  await new Promise<void>((done) => smtp.listen(0, '127.0.0.1', done));
  return (smtp.server.address() as AddressInfo).port;
}

/** The messages the test's server took in answer to `email` (threaded to its Message-ID, in a header that may fold). */
const answersTo = (email: CountyEmail) => seen.taken.filter((m) => m.raw.includes(email.messageId));

async function replyJobOf(email: CountyEmail) {
  const record = await vi.waitFor(async () => {
    const found = recordOf(await handledEmails(stage), email);
    if (!found) throw new Error(`${email.file} not recorded yet`);
    return found;
  }, { timeout: 300_000, interval: 500 });
  return vi.waitFor(async () => {
    const job = await bot!.ctx.queues.reply.getJob(record.entry.emailId);
    if (!job) throw new Error('no reply job yet');
    return job;
  }, { timeout: 60_000, interval: 200 });
}

/** Waits until the server has refused `count` logins in all, and returns when the last was seen. */
async function refusedLogins(count: number): Promise<number> {
  await vi.waitFor(() => {
    if (seen.refusedLogins.length < count) throw new Error(`${seen.refusedLogins.length}/${count} logins refused`);
  }, { timeout: 180_000, interval: 100 });
  return seen.refusedLogins[count - 1];
}

const marksOf = async (email: CountyEmail) => {
  const record = recordOf(await handledEmails(stage), email)!;
  return stage.redis.hgetall(`${stage.keyPrefix}reply:${record.entry.emailId}`);
};

let onItsOwn: CountyEmail;
let alongside: CountyEmail;
let afterRestart: CountyEmail;
let answeredByHand: CountyEmail;
let refusedRecipient: CountyEmail;

beforeAll(async () => {
  env = await startServices();
  const port = await startSmtp(env.smtp);
  stage = await openStage(env, 'smtp-login', { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_SECURE: 'false' });
  [onItsOwn, alongside, afterRestart, answeredByHand, refusedRecipient] = await Promise.all(
    [SAMPLE, fixture('云溪区-受理-每类3条.eml'), fixture('平江县-受理-GBK.eml'), fixture('岳阳县-受理-doc-8bit.eml'), fixture('华容县-受理-wps.eml')]
    .map((file) => freshCopy(stage, file)));
  bot = await startStageBot(stage);
}, 300_000);

afterAll(async () => {
  await bot?.stop();
  await new Promise<void>((done) => (smtp ? smtp.close(() => done()) : done()));
  await stage?.dispose();
}, 120_000);

describe('replies while our SMTP login is refused (535)', () => {
  it('wait, one refused login a pause for all of them, marked waiting on the login, never refused, nothing sent', async () => {
    loginRefused = true;
    await deliver(stage, onItsOwn, '2022-07-01T14:20:11+08:00');
    await deliver(stage, alongside, '2022-07-01T14:21:40+08:00');
    const jobs = await Promise.all([replyJobOf(onItsOwn), replyJobOf(alongside)]);
    // The first refusal pauses every reply 15 s, the second 30 s: without the pause each reply would try its own.
    const second = await refusedLogins(2);
    expect(second - seen.refusedLogins[0]).toBeGreaterThanOrEqual(14_000);
    await new Promise((r) => setTimeout(r, 5_000));
    expect(seen.refusedLogins).toHaveLength(2);
    for (const job of jobs) {
      const now = (await bot!.ctx.queues.reply.getJob(job.id!))!;
      // Back in the queue, not failed: no reply runs out of tries while the login is refused.
      expect([await now.getState(), now.attemptsMade]).toEqual(['waiting', 0]);
    }
    const marks = await Promise.all([marksOf(onItsOwn), marksOf(alongside)]);
    for (const mark of marks) expect([mark.refused, mark.sent]).toEqual([undefined, undefined]);
    expect(marks.filter((mark) => mark.waiting).map((mark) => JSON.parse(mark.waiting))).toEqual([expect.objectContaining({ trouble: 'login' })]);
    expect([...answersTo(onItsOwn), ...answersTo(alongside)]).toHaveLength(0);
  }, 300_000);

  it('go out exactly once each when the pause ends, once the login is accepted again', async () => {
    loginRefused = false;
    await waitUntilHandled(stage, 2, 180_000);
    const replies = await repliesByOriginal(env, stage.tag);
    for (const email of [onItsOwn, alongside]) {
      expect(answersTo(email)).toHaveLength(1);
      expect((replies.get(email.messageId) ?? []).map((r) => r.account)).toEqual([email.mailbox]);
    }
  }, 300_000);

  it('go out at once when the bot is restarted after the fix, not when the pause would end, and once', async () => {
    loginRefused = true;
    const before = seen.refusedLogins.length;
    await deliver(stage, afterRestart, '2022-07-02T09:00:00+08:00');
    // A reply went out since the last trouble, so the pauses start again from 15 s: after the second, 30 s.
    const secondRefusal = await refusedLogins(before + 2);
    await bot!.stop();
    loginRefused = false;
    bot = await startStageBot(stage);
    await waitUntilHandled(stage, 3, 180_000);
    const answers = answersTo(afterRestart);
    expect(answers).toHaveLength(1);
    expect(answers[0].at).toBeLessThan(secondRefusal + 25_000);
    const replies = await repliesByOriginal(env, stage.tag);
    expect((replies.get(afterRestart.messageId) ?? []).map((r) => r.account)).toEqual([afterRestart.mailbox]);
    expect(answersTo(onItsOwn)).toHaveLength(1);
  }, 300_000);

  it('is not sent when staff answered the email from their mail client while it waited', async () => {
    loginRefused = true;
    const before = seen.refusedLogins.length;
    await deliver(stage, answeredByHand, '2022-07-02T09:30:00+08:00');
    await refusedLogins(before + 1);
    await withAccount(env, env.city, async (client) => {
      const lock = await client.getMailboxLock(stage.folder);
      try {
        const uids = await client.search({ header: { 'Message-ID': answeredByHand.messageId } }, { uid: true });
        expect(uids).toHaveLength(1);
        await client.messageFlagsAdd(String((uids as number[])[0]), ['\\Answered', '\\Seen'], { uid: true });
      } finally {
        lock.release();
      }
    });
    loginRefused = false;
    await vi.waitFor(async () => expect((await marksOf(answeredByHand))['answered-by-staff']).toBeDefined(), { timeout: 120_000, interval: 500 });
    expect((await marksOf(answeredByHand)).sent).toBeUndefined();
    expect(answersTo(answeredByHand)).toHaveLength(0);
    // Left where staff answered it, not filed by the bot.
    expect(await cityMessages(env, stage.folder, answeredByHand.messageId)).toHaveLength(1);
  }, 300_000);
});

describe('a reply whose recipient the server refuses (550 to RCPT TO)', () => {
  it('stops at the first try, marked refused, nothing sent', async () => {
    await deliver(stage, refusedRecipient, '2022-07-02T10:00:00+08:00');
    const job = await replyJobOf(refusedRecipient);
    await vi.waitFor(async () => expect(await job.getState()).toBe('failed'), { timeout: 120_000, interval: 250 });
    expect((await bot!.ctx.queues.reply.getJob(job.id!))!.attemptsMade).toBe(1);
    const marks = await marksOf(refusedRecipient);
    expect(marks.refused).toContain('550');
    expect(marks.waiting).toBeUndefined();
    expect(answersTo(refusedRecipient)).toHaveLength(0);
  }, 300_000);
});
