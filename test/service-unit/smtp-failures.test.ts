// Whose fault a failed send is, on the errors nodemailer really raises against a real SMTP server (smtp-server on
// loopback, answering as told): only a refusal of the message or its recipient is for good; the bot's own login,
// connection, TLS setting, sender address and a server's temporary answer are retried.
import { createServer, type AddressInfo } from 'node:net';
import { UnrecoverableError } from 'bullmq';
import nodemailer from 'nodemailer';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { sortSmtpFailure } from '../../src/reply/smtp-failure.ts';
import { sendRaw, SmtpTroubleError } from '../../src/reply/smtp-send.ts';

const PASSWORD = 'wrong-auth-code-8f3a';
const refusal = (message: string, responseCode: number) => Object.assign(new Error(message), { responseCode });
const servers: SMTPServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((done) => s.close(() => done()))));
});

/** A plain SMTP server on a free loopback port that accepts any login and message unless told otherwise. */
async function server(options: Partial<SMTPServerOptions>): Promise<number> {
  const smtp = new SMTPServer({
    secure: false, disabledCommands: ['STARTTLS'], authOptional: true, allowInsecureAuth: true, logger: false,
    onAuth: (auth, _s, done) => done(null, { user: auth.username }),
    onData: (stream, _s, done) => { stream.resume(); stream.on('end', () => done()); },
    ...options,
  });
  servers.push(smtp);
  await new Promise<void>((done) => smtp.listen(0, '127.0.0.1', done));
  return (smtp.server.address() as AddressInfo).port;
}

async function failureOf(port: number, options: { secure?: boolean; login?: boolean; to?: string[] } = {}): Promise<unknown> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1', port, secure: options.secure ?? false, ignoreTLS: true, connectionTimeout: 5000,
    auth: options.login === false ? undefined : { user: 'yysyj@126.com', pass: PASSWORD },
  });
  try {
    await transport.sendMail({ envelope: { from: 'yysyj@126.com', to: options.to ?? ['pjx@county.test'] }, raw: 'Subject: t\r\n\r\nbody\r\n' });
  } catch (err) {
    return err;
  } finally {
    transport.close();
  }
  throw new Error('the send went through');
}

describe('our side\'s trouble is never permanent', () => {
  it('a login refused with 535 (a wrong 授权码)', async () => {
    const port = await server({ onAuth: (_a, _s, done) => done(refusal('Invalid login', 535)) });
    expect(sortSmtpFailure(await failureOf(port))).toMatchObject({ permanent: false, trouble: 'login' });
  });

  it('a server that wants a login the bot did not give (530 to MAIL FROM)', async () => {
    const port = await server({ authOptional: false });
    expect(sortSmtpFailure(await failureOf(port, { login: false }))).toMatchObject({ permanent: false, trouble: 'login' });
  });

  it('TLS spoken to a plain port (SMTP_SECURE=true against 25/587)', async () => {
    const port = await server({});
    const failure = sortSmtpFailure(await failureOf(port, { secure: true }));
    expect(failure).toMatchObject({ permanent: false, trouble: 'connection' });
  });

  it('nothing listening on the port', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    expect(sortSmtpFailure(await failureOf(port))).toMatchObject({ permanent: false, trouble: 'connection' });
  });

  it('the bot\'s own sender address refused (550 to MAIL FROM, as 126 answers when SMTP is not enabled)', async () => {
    const port = await server({ onMailFrom: (_a, _s, done) => done(refusal('User has no permission', 550)) });
    expect(sortSmtpFailure(await failureOf(port))).toMatchObject({ permanent: false, trouble: 'sender' });
  });

  it('a temporary answer (451 to the message, 450 to a recipient)', async () => {
    const toData = await server({ onData: (stream, _s, done) => { stream.resume(); stream.on('end', () => done(refusal('MI:SFQ try later', 451))); } });
    expect(sortSmtpFailure(await failureOf(toData))).toMatchObject({ permanent: false, trouble: 'deferred' });
    const toRcpt = await server({ onRcptTo: (_a, _s, done) => done(refusal('mailbox busy', 450)) });
    expect(sortSmtpFailure(await failureOf(toRcpt))).toMatchObject({ permanent: false, trouble: 'deferred' });
  });
});

describe('a refusal of this message or its recipient is permanent', () => {
  it('550 to RCPT TO (no such user) and 554 to the message (DT:SPM)', async () => {
    const toRcpt = await server({ onRcptTo: (_a, _s, done) => done(refusal('no such user', 550)) });
    expect(sortSmtpFailure(await failureOf(toRcpt))).toMatchObject({ permanent: true });
    const toData = await server({ onData: (stream, _s, done) => { stream.resume(); stream.on('end', () => done(refusal('DT:SPM', 554))); } });
    expect(sortSmtpFailure(await failureOf(toData))).toMatchObject({ permanent: true });
  });

  it('a message nodemailer itself will not send (no recipient)', async () => {
    const port = await server({});
    expect(sortSmtpFailure(await failureOf(port, { to: [] }))).toMatchObject({ permanent: true });
  });
});

describe('sendRaw', () => {
  const send = (port: number) => sendRaw(
    nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, auth: { user: 'yysyj@126.com', pass: PASSWORD } }),
    { from: 'yysyj@126.com', to: ['pjx@county.test'] }, Buffer.from('Subject: t\r\n\r\nbody\r\n'),
  );

  it('names the setting to check on a refused login, with the server\'s answer and never the password', async () => {
    const port = await server({ onAuth: (_a, _s, done) => done(refusal('Invalid login', 535)) });
    const err = await send(port).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SmtpTroubleError);
    expect((err as Error).message).toContain('check SMTP_USER / SMTP_PASS');
    expect((err as Error).message).toContain('535');
    expect((err as Error).message).not.toContain(PASSWORD);
  });

  it('ends the job (UnrecoverableError) on a 550 to the recipient', async () => {
    const port = await server({ onRcptTo: (_a, _s, done) => done(refusal('no such user', 550)) });
    await expect(send(port)).rejects.toBeInstanceOf(UnrecoverableError);
  });
});
