// Settings left from another campaign (its .env or the local accounts) would have the bot read and answer from the
// old mailbox without a word: an outside examiner ran a 2023 campaign on the 2022 mailbox so. Start-up says so.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { closeServiceContext, createServiceContext } from '../../src/service/service-context.ts';
import { capturedLog } from '../captured-log.ts';

const SETTINGS = { IMAP_HOST: '127.0.0.1', IMAP_PASS: 'x', SMTP_HOST: '127.0.0.1', REDIS_URL: 'redis://127.0.0.1:1', STAFF_TO: 'staff@city.test' };

/** The start-up warnings of a context on a copy of the rules whose mailbox is `mailbox`, with these settings. */
async function warningsFor(mailbox: string, settings: Record<string, string>): Promise<unknown[]> {
  const dir = await mkdtemp(join(tmpdir(), 'another-mailbox-'));
  const rules = join(dir, 'rules.yaml');
  await writeFile(rules, (await readFile('rules/campaign-2022.yaml', 'utf8')).replace(/^ {2}mailbox: .*$/m, `  mailbox: ${mailbox}`));
  const { log, lines } = capturedLog();
  const ctx = createServiceContext(loadConfig({ ...SETTINGS, ...settings, CAMPAIGN: rules }), { log });
  await closeServiceContext(ctx);
  await rm(dir, { recursive: true, force: true });
  return lines.filter((l) => l.level === 40).map(({ setting, address, msg }) => ({ setting, address, msg }));
}

describe('start-up against the rules\' mailbox', () => {
  it('warns when IMAP_USER or MAIL_FROM is another address than collector.mailbox', async () => {
    expect(await warningsFor('cdsjyjzy@163.com', { IMAP_USER: 'yysyj@126.com' })).toEqual([
      { setting: 'IMAP_USER', address: 'yysyj@126.com', msg: 'IMAP_USER is not the campaign\'s mailbox (collector.mailbox in the rules file)' },
      { setting: 'MAIL_FROM', address: 'yysyj@126.com', msg: 'MAIL_FROM is not the campaign\'s mailbox (collector.mailbox in the rules file)' },
    ]);
  });

  it('says nothing when they are the mailbox (in any case), or the login is no address', async () => {
    expect(await warningsFor('cdsjyjzy@163.com', { IMAP_USER: 'CDSJYJZY@163.com' })).toEqual([]);
    expect(await warningsFor('cdsjyjzy@163.com', { IMAP_USER: 'cdsjyjzy', MAIL_FROM: 'cdsjyjzy@163.com' })).toEqual([]);
  });
});
