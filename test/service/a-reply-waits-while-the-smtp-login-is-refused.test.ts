// The running bot on the local services, sending through an SMTP server of the test's own (smtp-server on loopback,
// passing what it takes on to the local front door, so counties see it): while that server refuses the bot's login
// (535, as 126 answers a mistyped 授权码) a reply waits and is retried, never given up as refused; once the login is
// accepted again it goes out exactly once, on a retry or, after a restart, at once. A 550 to a recipient still ends
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
import { repliesByOriginal } from './mail-lookup.ts';

const REFUSED_RECIPIENT = 'hrx@county.test';

/** What the test's SMTP server saw: refused logins, and each message it took with the time it took it. */
const seen = { refusedLogins: 0, taken: [] as { at: number; raw: string }[] };
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
      seen.refusedLogins += 1;
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

/** Waits until the reply job of `email` has failed `tries` times, and returns when that was seen. */
async function failedTries(email: CountyEmail, tries: number): Promise<number> {
  const job = await replyJobOf(email);
  await vi.waitFor(async () => {
    const { attemptsMade } = (await bot!.ctx.queues.reply.getJob(job.id!))!;
    if (attemptsMade < tries) throw new Error(`${attemptsMade}/${tries} tries`);
  }, { timeout: 180_000, interval: 250 });
  return Date.now();
}

const marksOf = async (email: CountyEmail) => {
  const record = recordOf(await handledEmails(stage), email)!;
  return stage.redis.hgetall(`${stage.keyPrefix}reply:${record.entry.emailId}`);
};

let onItsOwn: CountyEmail;
let afterRestart: CountyEmail;
let refusedRecipient: CountyEmail;

beforeAll(async () => {
  env = await startServices();
  const port = await startSmtp(env.smtp);
  stage = await openStage(env, 'smtp-login', { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_SECURE: 'false' });
  [onItsOwn, afterRestart, refusedRecipient] = await Promise.all([SAMPLE, fixture('平江县-受理-GBK.eml'), fixture('华容县-受理-wps.eml')]
    .map((file) => freshCopy(stage, file)));
  bot = await startStageBot(stage);
}, 300_000);

afterAll(async () => {
  await bot?.stop();
  await new Promise<void>((done) => (smtp ? smtp.close(() => done()) : done()));
  await stage?.dispose();
}, 120_000);

describe('a reply while our SMTP login is refused (535)', () => {
  it('waits and is retried, marked waiting on the login, never refused, nothing sent', async () => {
    loginRefused = true;
    await deliver(stage, onItsOwn, '2022-07-01T14:20:11+08:00');
    await failedTries(onItsOwn, 2);
    const job = await replyJobOf(onItsOwn);
    expect(await job.getState()).toBe('delayed');
    const marks = await marksOf(onItsOwn);
    expect(marks.refused).toBeUndefined();
    expect(marks.sent).toBeUndefined();
    expect(JSON.parse(marks.waiting)).toMatchObject({ trouble: 'login' });
    expect(seen.refusedLogins).toBeGreaterThanOrEqual(2);
    expect(answersTo(onItsOwn)).toHaveLength(0);
  }, 300_000);

  it('goes out exactly once on its own retry once the login is accepted again', async () => {
    loginRefused = false;
    const [handled] = await waitUntilHandled(stage, 1, 180_000);
    expect(handled.replySteps).toEqual(expect.arrayContaining(['sent', 'copied', 'filed']));
    expect(answersTo(onItsOwn)).toHaveLength(1);
    const replies = await repliesByOriginal(env, stage.tag);
    expect((replies.get(onItsOwn.messageId) ?? []).map((r) => r.account)).toEqual([onItsOwn.mailbox]);
  }, 300_000);

  it('goes out at once when the bot is restarted after the fix, not after its retry\'s wait, and once', async () => {
    loginRefused = true;
    await deliver(stage, afterRestart, '2022-07-02T09:00:00+08:00');
    // After its second failed try the reply waits 30 s.
    const secondFailureSeen = await failedTries(afterRestart, 2);
    await bot!.stop();
    loginRefused = false;
    bot = await startStageBot(stage);
    await waitUntilHandled(stage, 2, 180_000);
    const answers = answersTo(afterRestart);
    expect(answers).toHaveLength(1);
    expect(answers[0].at).toBeLessThan(secondFailureSeen + 25_000);
    const replies = await repliesByOriginal(env, stage.tag);
    expect((replies.get(afterRestart.messageId) ?? []).map((r) => r.account)).toEqual([afterRestart.mailbox]);
    expect(answersTo(onItsOwn)).toHaveLength(1);
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
