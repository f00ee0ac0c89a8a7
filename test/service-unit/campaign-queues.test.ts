// Two cities' bots on one Redis: each campaign's queues carry its id, so a job queued for one city is never taken by
// the other's workers (which would decide it by the wrong rules). On the real local Redis.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import type { IntakeJob } from '../../src/service/jobs.ts';
import { closeServiceContext, createServiceContext, type ServiceContext } from '../../src/service/service-context.ts';
import { startServices } from '../poller/poller-fixture.ts';
import type { ServicesEnv } from '../../scripts/services/services-env.ts';

let env: ServicesEnv;
let dir: string;
const run = randomUUID().slice(0, 8);
const contexts: ServiceContext[] = [];

beforeAll(async () => {
  env = await startServices();
  dir = await mkdtemp(join(tmpdir(), 'campaign-queues-'));
}, 620_000);

afterAll(async () => {
  for (const ctx of contexts) {
    const keys = await ctx.redis.keys(`intake-bot:${ctx.campaign.id}:*`);
    if (keys.length) await ctx.redis.del(...keys);
    await closeServiceContext(ctx);
  }
  await rm(dir, { recursive: true, force: true });
});

/** A service context on the campaign's own default prefixes, its rules a copy of the real ones under another id. */
async function cityContext(city: string): Promise<ServiceContext> {
  const rules = (await readFile('rules/campaign-2022.yaml', 'utf8')).replace(/^id: .*$/m, `id: ${city}-${run}`);
  const file = join(dir, `${city}.yaml`);
  await writeFile(file, rules);
  const ctx = createServiceContext(loadConfig({ ...env.variables, CAMPAIGN: file }));
  contexts.push(ctx);
  return ctx;
}

describe('campaigns sharing one Redis', () => {
  it("keep their queues apart: a job queued for one city is not in the other's queue", async () => {
    const yueyang = await cityContext('yueyang');
    const changsha = await cityContext('changsha');
    expect(yueyang.bullPrefix).not.toBe(changsha.bullPrefix);
    const job = await yueyang.queues.intake.add('intake', { emailId: `probe-${run}` } as unknown as IntakeJob, { jobId: `probe-${run}` });
    expect(await yueyang.queues.intake.getJob(job.id!)).toBeDefined();
    expect(await changsha.queues.intake.getJob(job.id!)).toBeUndefined();
    expect(await changsha.queues.intake.count()).toBe(0);
  });
});
