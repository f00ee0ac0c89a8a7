// One chaos run: a burst of county emails into a fresh city folder, the bot as its own process, and while it works
// through them: SIGKILLs and restarts, one Redis restart, dropped IMAP connections, a spell of SMTP 451s.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServicesEnv } from '../../scripts/services/services-env.ts';
import { spawnBot, type BotProcess } from '../service/bot-process.ts';
import { openStage, startServices, type Stage } from '../service/harness.ts';
import { deliverBurst, makeBurst } from './burst.ts';
import { chaosPlan, type ChaosEvent } from './chaos-plan.ts';
import { startImapProxy } from './imap-proxy.ts';
import { startOwnRedis } from './own-redis.ts';
import { allowSmtp, refusalsSeen, refuseSmtp } from './smtp-refusal.ts';
import { tallyRun, type Tally } from './tally.ts';
import { progressOf, waitUntilSettled } from './settle.ts';

export interface ChaosOptions {
  emails: number;
  kills: number;
  imapDrops: number;
  smtpRefusalMs: number;
  seed: number;
  /** Upper bound of the whole run; it fails rather than wait longer. */
  timeoutMs: number;
  say?: (line: string) => void;
}

export interface ChaosResult { tally: Tally; events: string[]; elapsedMs: number; smtpRefusals: number }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const say = options.say ?? (() => undefined);
  const started = Date.now();
  const env = await startServices();
  const redisDir = await mkdtemp(join(tmpdir(), 'chaos-redis-'));
  const redis = await startOwnRedis(redisDir);
  const proxy = await startImapProxy(env.imap);
  // The bot reaches Redis and IMAP through what the run controls; the run itself reads IMAP directly.
  const chaosEnv: ServicesEnv = {
    ...env, redisUrl: redis.url,
    variables: { ...env.variables, REDIS_URL: redis.url, IMAP_PORT: String(proxy.port), REPLIES_PER_SENDER_PER_HOUR: '100000' },
  };
  const stage: Stage = await openStage(chaosEnv, 'chaos');
  // The run's own connection rides out the Redis restart like the bot's; its errors meanwhile are expected.
  stage.redis.on('error', () => undefined);
  const events: string[] = [];
  const killedAt: number[] = [];
  const note = (line: string) => { events.push(`${((Date.now() - started) / 1000).toFixed(1)}s ${line}`); say(events.at(-1)!); };
  let bot: BotProcess | undefined;
  const waitOrFail = async (what: string) => {
    if (Date.now() - started > options.timeoutMs) throw new Error(`chaos run: timed out waiting for ${what}`);
    await sleep(250);
  };
  try {
    const emails = await makeBurst(stage, options.emails);
    await deliverBurst(stage, emails);
    note(`delivered ${emails.length} emails to ${stage.folder}`);
    bot = spawnBot(stage);
    const act: Record<ChaosEvent['kind'], () => Promise<void>> = {
      kill: async () => { killedAt.push(Date.now()); await bot!.kill(); bot = spawnBot(stage); },
      redis: () => redis.restart(),
      imap: async () => { proxy.dropAll(); },
      refuse: () => refuseSmtp(env.servicesDir, stage.tag),
      // Lifted only once a reply has met the 451, so every run proves the retry.
      allow: async () => {
        while ((await refusalsSeen(env.servicesDir, stage.tag)) === 0) await waitOrFail('a refused reply');
        await allowSmtp(env.servicesDir, stage.tag);
      },
    };
    let lifting: Promise<void> = Promise.resolve();
    for (const event of chaosPlan(options)) {
      // Each event waits for its share of the burst to be handled, then a random moment more.
      while ((await progressOf(stage)) < event.atHandled) await waitOrFail(event.kind);
      const strike = (async () => {
        await sleep(event.delayMs);
        await act[event.kind]();
        note(`${event.kind} (after ${await progressOf(stage)} handled)`);
      })();
      // Lifting the refusal waits its while beside the other events: awaited here it held every later strike back
      // until a fast bot had handled nearly the whole burst.
      if (event.kind === 'allow') {
        lifting = strike;
        // Its failure is awaited below; until then it must not count as an unhandled rejection.
        strike.catch(() => undefined);
      } else await strike;
    }
    await lifting;
    await waitUntilSettled(stage, emails, options.timeoutMs - (Date.now() - started));
    note('settled: every email handled, queues empty, spreadsheet complete');
    await bot.stop();
    const smtpRefusals = await refusalsSeen(env.servicesDir, stage.tag);
    return { tally: await tallyRun(env, stage, emails, killedAt), events, elapsedMs: Date.now() - started, smtpRefusals };
  } finally {
    await allowSmtp(env.servicesDir, stage.tag);
    await bot?.kill();
    await stage.dispose();
    await proxy.close();
    await redis.stop();
    await rm(redisDir, { recursive: true, force: true });
  }
}
