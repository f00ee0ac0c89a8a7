// The bot in-process on the real local services: county emails appended to the city folder are decided, answered in
// the senders' mailboxes, filed, and kept in the ledger; ignored mail is left alone; the digest reaches staff.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ServicesEnv } from '../../scripts/services/services-env.ts';
import { MailboxSession } from '../../src/mailbox/mailbox-session.ts';
import { smtpTransport } from '../../src/reply/smtp-send.ts';
import type { Bot } from '../../src/service/bot.ts';
import { runDigest } from '../../src/service/stages/digest-stage.ts';
import {
  deliver, expected, fixture, freshCopy, openStage, recordOf, SAMPLE, startServices, startStageBot, waitUntilHandled,
  type CountyEmail, type Handled, type Stage,
} from './harness.ts';
import { cityMessages, deleteWhere, repliesByOriginal, searchFolder, withAccount } from './mail-lookup.ts';
import { readWorkbook, rowsOf } from './sheet-rows.ts';

interface Case { name: string; file: string; received: string; decision: 'accept' | 'reject' | 'ignore'; unit: string | null; errors: string[]; resources: number }

const fromFixture = (name: string, received: string): Case => ({ name, file: fixture(name), received, ...expected[name] });
const CASES: Case[] = [
  { name: '湘阴县-accepted.eml', file: SAMPLE, received: '2022-07-01T14:20:11+08:00', decision: 'accept', unit: '湘阴县', errors: [], resources: 30 },
  fromFixture('临湘市-逾期.eml', '2022-07-05T09:30:00+08:00'),
  fromFixture('岳阳县-灰度扫描.eml', '2022-07-01T10:05:00+08:00'),
  fromFixture('平江县-表内多处错误.eml', '2022-07-02T16:40:00+08:00'),
  fromFixture('自动回复.eml', '2022-07-01T11:00:00+08:00'),
  fromFixture('咨询-无附件.eml', '2022-07-01T11:30:00+08:00'),
];
const SUBJECT_MARK = { accept: '【已受理】', reject: '【退回】' } as const;

let env: ServicesEnv;
let stage: Stage;
let bot: Bot | undefined;
let emails: Map<Case, CountyEmail>;
let handled: Handled[];
const answered = () => CASES.filter((c) => c.decision !== 'ignore');
const ignored = () => CASES.filter((c) => c.decision === 'ignore');
const email = (c: Case) => emails.get(c)!;

beforeAll(async () => {
  env = await startServices();
  stage = await openStage(env, 'answers');
  emails = new Map(await Promise.all(CASES.map(async (c) => [c, await freshCopy(stage, c.file)] as const)));
  for (const c of CASES) await deliver(stage, email(c), c.received);
  bot = await startStageBot(stage);
  handled = await waitUntilHandled(stage, CASES.length);
}, 600_000);

afterAll(async () => {
  await bot?.stop();
  await stage?.dispose();
}, 120_000);

describe('the running bot answers county emails', () => {
  it('records one verdict per email in the ledger, as the pipeline decides it from the internal date', () => {
    expect(handled).toHaveLength(CASES.length);
    for (const c of CASES) {
      const verdict = recordOf(handled, email(c))?.entry.verdict;
      expect({ name: c.name, decision: verdict?.decision, unit: verdict?.unit, errors: verdict?.errors.map((e) => e.code).sort(), resources: verdict?.resources.length })
        .toEqual({ name: c.name, decision: c.decision, unit: c.unit, errors: [...c.errors].sort(), resources: c.resources });
    }
  });

  it('gives each answered email one reply in its sender\'s mailbox, threaded under it, automatic, its verdict in the subject', async () => {
    const replies = await repliesByOriginal(env, stage.tag);
    for (const c of answered()) {
      const { messageId, sender, mailbox } = email(c);
      const found = replies.get(messageId) ?? [];
      expect(found.map((r) => r.account), c.name).toEqual([mailbox]);
      const { mail } = found[0];
      expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0].address : null).toBe(sender);
      expect(mail.from?.value[0].address).toBe(env.city.address);
      expect(mail.subject?.startsWith(SUBJECT_MARK[c.decision as 'accept' | 'reject'])).toBe(true);
      expect([mail.references].flat()).toContain(messageId);
      expect(mail.headers.get('auto-submitted')).toBe('auto-replied');
      expect(mail.messageId).toMatch(/^<reply\.[0-9a-f]{40}@126\.com>$/);
    }
  });

  it('keeps a copy of each reply in the city mailbox\'s Sent folder', async () => {
    const sent = await cityMessages(env, 'Sent', stage.tag, 'In-Reply-To');
    expect(sent.map((m) => m.mail.inReplyTo).sort()).toEqual(answered().map((c) => email(c).messageId).sort());
    expect(sent.every((m) => m.flags.has('\\Seen'))).toBe(true);
  });

  it('moves each answered email out of the city folder into 已受理 or 已退回, marked with the bot\'s keyword', async () => {
    const filed = [...await cityMessages(env, '已受理', stage.tag), ...await cityMessages(env, '已退回', stage.tag)];
    for (const c of answered()) {
      const copies = filed.filter((m) => m.mail.messageId === email(c).messageId);
      const where = c.decision === 'accept' ? { folder: '已受理', keyword: '$IntakeAccepted' } : { folder: '已退回', keyword: '$IntakeReturned' };
      expect(copies.map((m) => ({ folder: m.folder, marked: m.flags.has(where.keyword) })), c.name).toEqual([{ folder: where.folder, marked: true }]);
    }
    const left = await cityMessages(env, stage.folder, stage.tag);
    expect(left.map((m) => m.mail.messageId).sort()).toEqual(ignored().map((c) => email(c).messageId).sort());
  });

  it('leaves ignored mail where it was, unread, with no reply anywhere', async () => {
    const left = await cityMessages(env, stage.folder, stage.tag);
    const replies = await repliesByOriginal(env, stage.tag);
    for (const c of ignored()) {
      const copies = left.filter((m) => m.mail.messageId === email(c).messageId);
      expect(copies.map((m) => m.flags.has('\\Seen')), c.name).toEqual([false]);
      expect(replies.get(email(c).messageId), c.name).toBeUndefined();
    }
  });

  it('writes the ledger file with a 明细 row per resource and a 邮件 row per email, ignored ones included', async () => {
    const sheets = await vi.waitFor(async () => {
      const book = await readWorkbook(bot!.ctx.ledgerFile);
      expect(CASES.filter((c) => rowsOf(book, '邮件', email(c).messageId).length === 0)).toEqual([]);
      return book;
    }, { timeout: 60_000, interval: 500 });
    expect([...sheets.keys()]).toEqual(['汇总', '明细', '退回记录', '邮件']);
    for (const c of CASES) {
      const label = { accept: '受理', reject: '退回', ignore: '忽略' }[c.decision];
      expect(rowsOf(sheets, '邮件', email(c).messageId).map((r) => [r['单位'], r['结论']]), c.name).toEqual([[c.unit ?? '', label]]);
      const details = c.decision === 'ignore' ? 0 : c.resources;
      expect(rowsOf(sheets, '明细', email(c).messageId).filter((r) => r['结论'] === label), c.name).toHaveLength(details);
    }
  });

  it('sends the daily digest to staff with the spreadsheet attached, once per day', async () => {
    const transport = smtpTransport(stage.config.smtp);
    const mailbox = new MailboxSession(bot!.ctx.config.imap, bot!.ctx.log);
    const send = vi.spyOn(transport, 'sendMail');
    try {
      expect(await runDigest(bot!.ctx, transport, mailbox)).toBe(true);
      const { messageId } = await (send.mock.results[0].value as Promise<{ messageId: string }>);
      const staff = env.accounts.find((a) => a.address === stage.config.staffTo[0])!;
      const [digest] = await vi.waitFor(async () => {
        const found = await withAccount(env, staff, (c) => searchFolder(c, staff.address, 'INBOX', 'Message-ID', messageId));
        expect(found).toHaveLength(1);
        return found;
      }, { timeout: 30_000, interval: 500 });
      await withAccount(env, staff, (c) => deleteWhere(c, 'INBOX', 'Message-ID', messageId));
      const sheet = digest.mail.attachments.find((a) => a.filename?.endsWith('.xlsx'));
      expect(digest.mail.subject).toMatch(/^【报送日报】/);
      expect(digest.mail.text).toContain('湘阴县');
      const attached = await readWorkbook(sheet!.content);
      expect(CASES.filter((c) => rowsOf(attached, '邮件', email(c).messageId).length !== 1)).toEqual([]);
      expect(await runDigest(bot!.ctx, transport, mailbox)).toBe(false);
    } finally {
      transport.close();
      await mailbox.close();
    }
  });
});
