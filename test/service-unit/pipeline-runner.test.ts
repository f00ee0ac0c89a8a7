import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { checkEmail } from '../../src/pipeline/check-email.ts';
import { DEFAULT_CAMPAIGN_FILE, loadCampaign } from '../../src/rules/load-campaign.ts';
import { PipelineGaveUpError, PipelineRunner } from '../../src/pipeline/thread/pipeline-runner.ts';

const raw = readFileSync('test/fixtures/samples/湘阴县-accepted.eml');
const request = { raw, receivedAt: '2022-07-01T06:20:11.000Z', campaignFile: DEFAULT_CAMPAIGN_FILE, ownAddresses: [] };
let runner: PipelineRunner;
afterEach(() => runner.close());

describe('the pipeline thread', () => {
  it('decides an email exactly as the check command does', async () => {
    runner = new PipelineRunner(120_000);
    const inThread = await runner.decide(request);
    const inProcess = await checkEmail(raw, { campaign: loadCampaign(), receivedAt: new Date(request.receivedAt) });
    expect(inThread).toEqual(inProcess);
    expect(inThread.decision).toBe('accept');
  });

  it('gives up on an email past its time limit, and the next email gets a fresh thread', async () => {
    runner = new PipelineRunner(5);
    const failed = await runner.decide(request).catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(PipelineGaveUpError);
    expect((failed as PipelineGaveUpError).reason).toContain('处理超时');
    const patient = new PipelineRunner(120_000);
    await expect(patient.decide(request)).resolves.toMatchObject({ decision: 'accept' });
    await patient.close();
  });

  it('holds its thread to the heap it is given: past it the email is given up as too large, not the process', async () => {
    runner = new PipelineRunner(120_000, 8);
    const failed = await runner.decide(request).catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(PipelineGaveUpError);
    expect((failed as PipelineGaveUpError).reason).toContain('超出内存限制');
  });
});
