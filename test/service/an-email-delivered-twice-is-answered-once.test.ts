// One email delivered twice (a sender's retry after a timeout: the copies differ only in the Received line each
// delivery added) is one filing: decided and recorded once, answered once, and both copies filed where staff look,
// none left unread in the inbox as if unanswered, also a copy arriving after the first was answered.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ServicesEnv } from '../../scripts/services/services-env.ts';
import type { Bot } from '../../src/service/bot.ts';
import {
  deliver, fixture, freshCopy, handledEmails, openStage, startServices, startStageBot, waitUntilHandled,
  type CountyEmail, type Stage,
} from './harness.ts';
import { cityMessages, repliesByOriginal } from './mail-lookup.ts';

let env: ServicesEnv;
let stage: Stage;
let bot: Bot | undefined;
let email: CountyEmail;

const delivered = (received: string): CountyEmail => ({ ...email, raw: Buffer.concat([Buffer.from(`Received: ${received}\r\n`), email.raw]) });

beforeAll(async () => {
  env = await startServices();
  stage = await openStage(env, 'delivered-twice');
  email = await freshCopy(stage, fixture('平江县-受理-GBK.eml'));
  // Both copies are in the mailbox before the bot starts: the second is queued while the first is still undecided.
  await deliver(stage, delivered('from mx1.pingjiang.test by mx.126.com; Fri, 1 Jul 2022 10:00:05 +0800'), '2022-07-01T10:00:05+08:00');
  await deliver(stage, delivered('from mx2.pingjiang.test by mx.126.com; Fri, 1 Jul 2022 10:03:41 +0800'), '2022-07-01T10:03:41+08:00');
  bot = await startStageBot(stage);
  await waitUntilHandled(stage, 1);
}, 600_000);

afterAll(async () => {
  await bot?.stop();
  await stage?.dispose();
}, 120_000);

describe('an email delivered twice', () => {
  it('files both copies in 已受理, marked, once the first is answered; none is left in the inbox', async () => {
    const filed = await vi.waitFor(async () => {
      const found = await cityMessages(env, '已受理', stage.tag);
      expect(found).toHaveLength(2);
      return found;
    }, { timeout: 180_000, interval: 1000 });
    expect(filed.every((m) => m.flags.has('$IntakeAccepted'))).toBe(true);
    expect(await cityMessages(env, stage.folder, stage.tag)).toEqual([]);
  });

  it('files a copy that arrives after the first was answered, and answers it no more', async () => {
    await deliver(stage, delivered('from mx3.pingjiang.test by mx.126.com; Fri, 1 Jul 2022 10:09:12 +0800'), '2022-07-01T10:09:12+08:00');
    await vi.waitFor(async () => expect(await cityMessages(env, '已受理', stage.tag)).toHaveLength(3), { timeout: 180_000, interval: 1000 });
    expect(await cityMessages(env, stage.folder, stage.tag)).toEqual([]);
  }, 200_000);

  it('is answered once and recorded once', async () => {
    expect((await repliesByOriginal(env, stage.tag)).get(email.messageId)).toHaveLength(1);
    const handled = await handledEmails(stage);
    expect(handled.map((h) => h.record.entry.verdict.decision)).toEqual(['accept']);
  });
});
