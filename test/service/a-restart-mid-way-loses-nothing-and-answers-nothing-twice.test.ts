// The bot as its own process, killed (SIGKILL) while it works through the city folder, more mail arriving while it is
// down, then started again: at the end every email has one verdict, every answered email one reply, filed once.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ServicesEnv } from '../../scripts/services/services-env.ts';
import { spawnBot, type BotProcess } from './bot-process.ts';
import {
  deliver, expected, fixture, freshCopy, openStage, recordOf, SAMPLE, startServices, waitUntilHandled,
  type CountyEmail, type Handled, type Stage,
} from './harness.ts';
import { cityMessages, repliesByOriginal } from './mail-lookup.ts';

interface Case { file: string; received: string; decision: string }

const BEFORE_KILL: Case[] = [
  { file: SAMPLE, received: '2022-07-01T14:20:11+08:00', decision: 'accept' },
  ...['平江县-受理-GBK.eml', '君山区-缺Word.eml', '华容县-劳动教育不足.eml', '自动回复.eml']
    .map((name, i) => ({ file: fixture(name), received: `2022-07-02T0${i + 1}:00:00+08:00`, decision: expected[name].decision })),
];
const WHILE_DOWN: Case[] = ['云溪区-受理-每类3条.eml', '咨询-无附件.eml']
  .map((name, i) => ({ file: fixture(name), received: `2022-07-03T0${i + 1}:00:00+08:00`, decision: expected[name].decision }));
const ALL = [...BEFORE_KILL, ...WHILE_DOWN];

let env: ServicesEnv;
let stage: Stage;
let bot: BotProcess | undefined;
let emails: Map<Case, CountyEmail>;
let handled: Handled[];
const email = (c: Case) => emails.get(c)!;
const answered = () => ALL.filter((c) => c.decision !== 'ignore');

beforeAll(async () => {
  env = await startServices();
  stage = await openStage(env, 'restart');
  emails = new Map(await Promise.all(ALL.map(async (c) => [c, await freshCopy(stage, c.file)] as const)));
  for (const c of BEFORE_KILL) await deliver(stage, email(c), c.received);
  bot = spawnBot(stage);
  await waitUntilHandled(stage, 2, 300_000);
  await bot.kill();
  for (const c of WHILE_DOWN) await deliver(stage, email(c), c.received);
  // The new process waits out the dead one's poller lock and BullMQ's stalled-job check: both take a while.
  bot = spawnBot(stage);
  handled = await waitUntilHandled(stage, ALL.length, 540_000);
}, 900_000);

afterAll(async () => {
  await bot?.kill();
  await stage?.dispose();
}, 120_000);

describe('a bot killed mid-way and started again', () => {
  it('leaves exactly one verdict per email in the ledger, the mail that came while it was down included', () => {
    expect(handled).toHaveLength(ALL.length);
    expect(ALL.map((c) => recordOf(handled, email(c))?.entry.verdict.decision)).toEqual(ALL.map((c) => c.decision));
  });

  it('sends exactly one reply per answered email and none for ignored mail, across every mailbox', async () => {
    const replies = await repliesByOriginal(env, stage.tag);
    expect(answered().map((c) => (replies.get(email(c).messageId) ?? []).map((r) => r.account)))
      .toEqual(answered().map((c) => [email(c).mailbox]));
    expect([...replies.values()].flat()).toHaveLength(answered().length);
  });

  it('files each answered email once and leaves ignored mail in the city folder', async () => {
    const filed = [...await cityMessages(env, '已受理', stage.tag), ...await cityMessages(env, '已退回', stage.tag)];
    expect(filed.map((m) => m.mail.messageId).sort()).toEqual(answered().map((c) => email(c).messageId).sort());
    const left = await cityMessages(env, stage.folder, stage.tag);
    expect(left.map((m) => m.mail.messageId).sort()).toEqual(ALL.filter((c) => c.decision === 'ignore').map((c) => email(c).messageId).sort());
  });

  it('on SIGTERM stops cleanly and its process ends by itself', async () => {
    const { child } = bot!;
    child.kill('SIGTERM');
    await vi.waitFor(() => expect({ code: child.exitCode, signal: child.signalCode }).toEqual({ code: 0, signal: null }), { timeout: 60_000, interval: 200 });
  });
});
