// A unit files three times (returned, then fixed and accepted, then a correction with errors): the second reply names
// the filing it replaces; the third, returned, says the accepted one stands; the ledger keeps all three, the accepted
// one current.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ServicesEnv } from '../../scripts/services/services-env.ts';
import { resubmissionWarning } from '../../src/ledger/filing-warnings.ts';
import type { Bot } from '../../src/service/bot.ts';
import {
  deliver, fixture, freshCopy, openStage, recordOf, startServices, startStageBot, waitUntilHandled,
  type CountyEmail, type Handled, type Stage,
} from './harness.ts';
import { repliesByOriginal } from './mail-lookup.ts';
import { readWorkbook, rowsOf } from './sheet-rows.ts';

const FIRST_RECEIVED = '2022-07-01T10:00:00+08:00';
const SECOND_RECEIVED = '2022-07-02T09:15:00+08:00';
const THIRD_RECEIVED = '2022-07-03T16:40:00+08:00';

let env: ServicesEnv;
let stage: Stage;
let bot: Bot | undefined;
let first: CountyEmail;
let second: CountyEmail;
let third: CountyEmail;
let handled: Handled[];

beforeAll(async () => {
  env = await startServices();
  stage = await openStage(env, 'resubmission');
  first = await freshCopy(stage, fixture('平江县-PDF未盖章.eml'));
  second = await freshCopy(stage, fixture('平江县-受理-GBK.eml'));
  third = await freshCopy(stage, fixture('平江县-表内多处错误.eml'));
  bot = await startStageBot(stage);
  await deliver(stage, first, FIRST_RECEIVED);
  await waitUntilHandled(stage, 1);
  // The fixed filing arrives after the return was answered, as a county's would.
  await deliver(stage, second, SECOND_RECEIVED);
  await waitUntilHandled(stage, 2);
  await deliver(stage, third, THIRD_RECEIVED);
  handled = await waitUntilHandled(stage, 3);
}, 600_000);

afterAll(async () => {
  await bot?.stop();
  await stage?.dispose();
}, 120_000);

describe('a resubmission from the same unit', () => {
  it('is decided on its own: the first returned for its missing seal, the second accepted, the third returned', () => {
    expect([first, second, third].map((e) => recordOf(handled, e)?.entry.verdict).map((v) => [v?.unit, v?.decision, v?.errors.length]))
      .toEqual([['平江县', 'reject', 1], ['平江县', 'accept', 0], ['平江县', 'reject', 4]]);
  });

  it('is answered with a RESUBMISSION warning that names the filing it replaces; the first answer has none', async () => {
    const notice = resubmissionWarning('平江县', { receivedAt: FIRST_RECEIVED }, 'Asia/Shanghai').message;
    const replies = await repliesByOriginal(env, stage.tag);
    const [firstReply] = replies.get(first.messageId) ?? [];
    const [secondReply] = replies.get(second.messageId) ?? [];
    expect(secondReply.mail.subject).toMatch(/^【已受理】/);
    expect(secondReply.mail.text).toContain(notice);
    expect(firstReply.mail.subject).toMatch(/^【退回】/);
    expect(firstReply.mail.text).not.toContain(notice);
  });

  it('returned after the accepted one, is answered saying the accepted filing stands', async () => {
    const replies = await repliesByOriginal(env, stage.tag);
    const [thirdReply] = replies.get(third.messageId) ?? [];
    expect(thirdReply.mail.subject).toMatch(/^【退回】/);
    expect(thirdReply.mail.text).toContain('平江县于2022年7月2日 09:15:00的报送已受理，仍然有效；本次报送未受理，不替代已受理的报送。');
    expect(thirdReply.mail.text).not.toContain('以本次为准。');
  });

  it('leaves every filing in the ledger, the accepted one current', async () => {
    const sheets = await vi.waitFor(async () => {
      const book = await readWorkbook(bot!.ctx.ledgerFile);
      expect(rowsOf(book, '邮件', third.messageId)).toHaveLength(1);
      return book;
    }, { timeout: 60_000, interval: 500 });
    const versions = (messageId: string) => [...new Set(rowsOf(sheets, '明细', messageId).map((r) => `${r['版本']} ${r['计入']}`))];
    expect(versions(first.messageId)).toEqual(['1 否']);
    expect(versions(second.messageId)).toEqual(['2 是']);
    expect(rowsOf(sheets, '明细', first.messageId)).toHaveLength(30);
    expect(rowsOf(sheets, '明细', second.messageId)).toHaveLength(30);
    expect(versions(third.messageId)).toEqual(['3 否']);
    expect([first, second, third].map((e) => rowsOf(sheets, '邮件', e.messageId).map((r) => r['计入']))).toEqual([['否'], ['是'], ['否']]);
  });
});
