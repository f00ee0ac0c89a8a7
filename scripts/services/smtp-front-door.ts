// The local SMTP endpoint (127.0.0.1:2525 by default): accepts any login or none, keeps a copy of each message
// under $SERVICES_DIR/smtp-sent/ and hands it to Dovecot LMTP, so a test reads replies as a county would.
import { writeFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { deliverOverLmtp, type Envelope, type LmtpTarget } from './lmtp-hand-off.ts';

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`smtp-front-door: environment variable ${name} is required (set by up.sh)`);
  return value;
}

const servicesDir = requiredEnv('SERVICES_DIR');
const sentDir = join(servicesDir, 'smtp-sent');
const pidFile = requiredEnv('PID_FILE');
// Tests make the door refuse for a while (a mail server's bad minute): one substring per line, read per message.
const refusalFile = join(servicesDir, 'smtp-refuse');
const smtpPort = Number(requiredEnv('SMTP_PORT'));
const target: LmtpTarget = {
  port: Number(requiredEnv('LMTP_PORT')),
  passwdFile: requiredEnv('PASSWD_FILE'),
  catchallAddress: requiredEnv('CATCHALL_ADDRESS'),
};
let messageCount = 0;

function envelopeOf(session: SMTPServerSession): Envelope {
  const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
  return { from, to: session.envelope.rcptTo.map((rcpt) => rcpt.address) };
}

/** Keeps envelope + message as one .eml (envelope as leading headers); written whole, then renamed into place. */
async function keepCopy(envelope: Envelope, raw: Buffer): Promise<void> {
  messageCount += 1;
  const name = `${Date.now()}-${process.pid}-${messageCount}.eml`;
  const head = `X-Envelope-From: <${envelope.from}>\r\nX-Envelope-To: ${envelope.to.map((a) => `<${a}>`).join(', ')}\r\n`;
  await writeFile(join(sentDir, `.${name}.tmp`), Buffer.concat([Buffer.from(head), raw]));
  await rename(join(sentDir, `.${name}.tmp`), join(sentDir, name));
}

/** The line of the refusal file found in `raw`, if any: only the test that wrote it sees refusals. */
async function refusalOf(raw: Buffer): Promise<string | undefined> {
  const lines = (await readFile(refusalFile, 'utf8').catch(() => '')).split('\n').map((line) => line.trim());
  return lines.find((line) => line !== '' && raw.includes(line));
}

async function receive(stream: NodeJS.ReadableStream, session: SMTPServerSession): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const envelope = envelopeOf(session);
  const refusal = await refusalOf(raw);
  if (refusal) throw new Error(`refused for a while (${refusal} in ${refusalFile})`);
  const delivered = await deliverOverLmtp(target, envelope, raw);
  await keepCopy(envelope, raw);
  console.log(JSON.stringify({ at: new Date().toISOString(), from: envelope.from, to: envelope.to, delivered }));
}

const server = new SMTPServer({
  name: 'smtp.local.test',
  secure: false,
  disabledCommands: ['STARTTLS'],
  authOptional: true,
  allowInsecureAuth: true,
  size: 64 * 1024 * 1024,
  logger: false,
  onAuth(auth, _session, callback) {
    callback(null, { user: auth.username ?? 'anonymous' });
  },
  onData(stream, session, callback) {
    receive(stream, session).then(
      () => callback(),
      (error: Error) => {
        console.error(JSON.stringify({ at: new Date().toISOString(), error: error.message }));
        // 451 is temporary: a sender retries later instead of losing the message.
        callback(Object.assign(new Error(`Local delivery failed: ${error.message}`), { responseCode: 451 }));
      },
    );
  },
});

async function stop(): Promise<void> {
  server.close(() => undefined);
  await rm(pidFile, { force: true });
  process.exit(0);
}

await mkdir(sentDir, { recursive: true });
server.on('error', (error) => console.error(JSON.stringify({ at: new Date().toISOString(), error: error.message })));
server.listen(smtpPort, '127.0.0.1', () => {
  writeFileSync(pidFile, `${process.pid}\n`);
  console.log(JSON.stringify({ at: new Date().toISOString(), listening: `127.0.0.1:${smtpPort}`, lmtp: target.port }));
});
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
