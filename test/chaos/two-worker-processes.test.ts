// Scale-out: one poller process and two worker processes (ROLE=workers) sharing one Redis split a burst of county
// emails between them: each email decided by exactly one process, one verdict and one reply each, both did work.
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ServicesEnv } from '../../scripts/services/services-env.ts';
import { emailIdOf, QUEUE } from '../../src/service/jobs.ts';
import { openStage, startServices, type Stage } from '../service/harness.ts';
import { deliverBurst, makeBurst, type BurstEmail } from './burst.ts';
import { spawnRole, type RoleProcess } from './role-process.ts';
import { waitUntilSettled } from './settle.ts';
import { tallyRun, type Tally } from './tally.ts';

const EMAILS = 16;

let env: ServicesEnv;
let stage: Stage;
let emails: BurstEmail[];
let workers: RoleProcess[] = [];
let poller: RoleProcess | undefined;
let tally: Tally;

beforeAll(async () => {
  env = await startServices();
  stage = await openStage(env, 'scale-out');
  stage = { ...stage, variables: { ...stage.variables, REPLIES_PER_SENDER_PER_HOUR: '1000' } };
  emails = await makeBurst(stage, EMAILS);
  workers = [spawnRole(stage, 'workers'), spawnRole(stage, 'workers')];
  // Both workers listen on the intake queue before any job exists, so neither gets a head start.
  const intake = new Queue(QUEUE.intake, { connection: stage.redis, prefix: stage.bullPrefix });
  await vi.waitFor(async () => expect(await intake.getWorkersCount()).toBe(2), { timeout: 120_000, interval: 200 });
  await intake.close();
  poller = spawnRole(stage, 'poller');
  await deliverBurst(stage, emails);
  await waitUntilSettled(stage, emails, 540_000);
  tally = await tallyRun(env, stage, emails, []);
}, 700_000);

afterAll(async () => {
  await Promise.all([poller, ...workers].map((p) => p?.stop()));
  await stage?.dispose();
}, 120_000);

describe('two worker processes sharing one Redis', () => {
  it('decide each email in exactly one of them', () => {
    const decided = workers.flatMap((w) => w.decided);
    expect(decided.sort()).toEqual(emails.map((e) => emailIdOf(e.raw)).sort());
    expect(poller!.decided).toEqual([]);
  });

  it('both take a share of the work', () => {
    expect(workers.map((w) => w.decided.length > 0)).toEqual([true, true]);
  });

  it('leave one verdict and one reply per email, none lost, none twice, the spreadsheet complete', () => {
    expect(tally).toEqual({
      sent: EMAILS, verdicts: EMAILS, replies: emails.filter((e) => e.decision !== 'ignore').length,
      duplicates: 0, resentAfterKill: 0, lost: 0, wrongVerdicts: 0, repliesToIgnored: 0, misfiled: 0, sheetMismatches: 0,
    });
  });
});
