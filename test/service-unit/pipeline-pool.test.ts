import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CAMPAIGN_FILE } from '../../src/rules/load-campaign.ts';
import { PipelinePool } from '../../src/pipeline/thread/pipeline-pool.ts';

const accepted = readFileSync('test/fixtures/samples/湘阴县-accepted.eml');
const returned = readFileSync('test/fixtures/eml/云溪区-PDF加密.eml');
const request = (raw: Buffer) => ({ raw, receivedAt: '2022-07-01T06:20:11.000Z', campaignFile: DEFAULT_CAMPAIGN_FILE, ownAddresses: [] });
let pool: PipelinePool;
afterEach(() => pool.close());

describe('the pool of pipeline threads', () => {
  it('decides as many emails at once as it has threads, each its own verdict', async () => {
    pool = new PipelinePool(2, 120_000);
    const [first, second] = await Promise.all([pool.decide(request(accepted)), pool.decide(request(returned))]);
    expect(first).toMatchObject({ decision: 'accept', unit: '湘阴县' });
    expect(second.decision).toBe('reject');
    expect(second.errors.map((e) => e.code)).toContain('UNREADABLE_ATTACHMENT');
    // Both threads are free again.
    await expect(Promise.all([pool.decide(request(returned)), pool.decide(request(accepted))])).resolves.toHaveLength(2);
  });

  it('refuses an email beyond its threads rather than queueing it out of sight', async () => {
    pool = new PipelinePool(1, 120_000);
    const first = pool.decide(request(accepted));
    await expect(pool.decide(request(accepted))).rejects.toThrow('more emails at once than the 1 pipeline threads');
    await expect(first).resolves.toMatchObject({ decision: 'accept' });
  });
});
