// Checks the local services of scripts/services/ as the bot and its tests use them: SMTP in, IMAP out, IDLE, Redis.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ImapFlow } from 'imapflow';
import { Redis } from 'ioredis';
import nodemailer from 'nodemailer';
import { beforeAll, describe, expect, it } from 'vitest';
import { accountOf, projectRoot, readServicesEnv, type ServicesEnv } from '../../scripts/services/services-env.ts';

const run = promisify(execFile);
let env: ServicesEnv;

function imapClient(address: string, options: { disableAutoIdle: boolean } = { disableAutoIdle: true }): ImapFlow {
  const { password } = accountOf(env, address);
  return new ImapFlow({
    ...env.imap,
    secure: false,
    doSTARTTLS: false,
    auth: { user: address, pass: password },
    logger: false,
    ...options,
  });
}

/** Logs in as `address` and returns the UIDs of INBOX messages whose subject contains `subject`. */
async function inboxUidsWithSubject(address: string, subject: string): Promise<number[]> {
  const client = imapClient(address);
  await client.connect();
  try {
    await client.mailboxOpen('INBOX');
    return (await client.search({ subject }, { uid: true })) || [];
  } finally {
    await client.logout();
  }
}

async function sendThroughFrontDoor(to: string, subject: string): Promise<void> {
  const transport = nodemailer.createTransport({ ...env.smtp, secure: false, auth: { user: 'anyone', pass: 'any' } });
  await transport.sendMail({ from: env.city.address, to, subject, text: '测试邮件正文' });
  transport.close();
}

function uniqueSubject(what: string): string {
  return `${what} ${randomUUID()}`;
}

beforeAll(async () => {
  // Installs and starts whatever is missing; fast when the services already run.
  await run('bash', [join(projectRoot, 'scripts/services/up.sh')], { timeout: 600_000 });
  env = readServicesEnv();
}, 620_000);

// Generous per-test time: a second up.sh may wait on the lock while another test file installs packages.
describe('local services', { timeout: 180_000 }, () => {
  it('starting the services a second time leaves them running and succeeds', async () => {
    const { stdout } = await run('bash', [join(projectRoot, 'scripts/services/up.sh')], { timeout: 120_000 });
    expect(stdout).toContain(`127.0.0.1:${env.imap.port}`);
  });

  it('a message sent through SMTP to a county sender lands in that county inbox', async () => {
    const subject = uniqueSubject('湘阴县 回执');
    await sendThroughFrontDoor('xyxjyj@126.com', subject);
    expect(await inboxUidsWithSubject('xyxjyj@126.com', subject)).toHaveLength(1);
  });

  it('a message to an address without a mailbox lands in the catch-all inbox, once', async () => {
    const subject = uniqueSubject('unknown recipients');
    await sendThroughFrontDoor('nobody@somewhere.test, other@elsewhere.test', subject);
    expect(await inboxUidsWithSubject(env.catchallAddress, subject)).toHaveLength(1);
  });

  it('every message through SMTP is kept as a file with its envelope under smtp-sent', async () => {
    const subject = uniqueSubject('kept copy');
    await sendThroughFrontDoor('staff@city.test', subject);
    const sentDir = join(env.servicesDir, 'smtp-sent');
    const names = (await readdir(sentDir)).filter((name) => name.endsWith('.eml'));
    const texts = await Promise.all(names.map((name) => readFile(join(sentDir, name), 'utf8')));
    const copies = texts.filter((text) => text.includes(subject));
    expect(copies).toHaveLength(1);
    expect(copies[0]).toContain('X-Envelope-To: <staff@city.test>');
  });

  it('a message appended with an explicit internal date reads back with that date', async () => {
    const subject = uniqueSubject('internal date');
    const internalDate = new Date('2022-06-01T09:30:00+08:00');
    const raw = `From: xyxjyj@126.com\r\nTo: yysyj@126.com\r\nSubject: ${subject}\r\n\r\nbody\r\n`;
    const client = imapClient(env.city.address);
    await client.connect();
    try {
      const appended = await client.append('INBOX', raw, [], internalDate);
      expect(appended && appended.uid).toBeGreaterThan(0);
      await client.mailboxOpen('INBOX');
      const message = await client.fetchOne(String(appended && appended.uid), { internalDate: true }, { uid: true });
      expect(message && new Date(message.internalDate ?? 0).toISOString()).toBe(internalDate.toISOString());
    } finally {
      await client.logout();
    }
  });

  it('an append to the city inbox wakes a client idling on it', async () => {
    const idler = imapClient(env.city.address);
    await idler.connect();
    await idler.mailboxOpen('INBOX');
    const woken = new Promise<number>((resolve) => idler.on('exists', (event) => resolve(event.count)));
    const idling = idler.idle();
    // IDLE must really be in progress before the append, or a plain response would carry the news.
    while (!idler.idling) await new Promise((resolve) => setTimeout(resolve, 20));
    const appender = imapClient(env.city.address);
    await appender.connect();
    await appender.append('INBOX', `Subject: ${uniqueSubject('wake up')}\r\n\r\nbody\r\n`);
    await appender.logout();
    expect(await woken).toBeGreaterThan(0);
    await idler.logout();
    await idling;
  });

  it('special-use folders exist and 已受理 and 已退回 can be created', async () => {
    const client = imapClient(env.city.address);
    await client.connect();
    try {
      await client.mailboxCreate('已受理');
      await client.mailboxCreate('已退回');
      const folders = await client.list();
      const specialUses = folders.map((folder) => folder.specialUse).filter(Boolean);
      expect(specialUses).toEqual(expect.arrayContaining(['\\Sent', '\\Drafts', '\\Trash', '\\Junk']));
      expect(folders.map((folder) => folder.path)).toEqual(expect.arrayContaining(['已受理', '已退回']));
    } finally {
      await client.logout();
    }
  });

  it('Redis answers on its port with the append-only file on', async () => {
    const redis = new Redis(env.redisUrl);
    try {
      expect(await redis.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
    } finally {
      redis.disconnect();
    }
  });
});
