// `ledger` writes the campaign's spreadsheet; run without the campaign's rules beside another campaign's records, it
// says so instead of writing the default campaign's empty sheet. Without a Redis to read: one line that names the Redis it tried (without its password), no ioredis traces.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { recordVerdict } from '../../src/ledger/ledger-store.ts';
import { DEFAULT_CAMPAIGN_FILE } from '../../src/rules/load-campaign.ts';
import { ledgerPrefixOf } from '../../src/service/service-context.ts';
import { entryOf } from '../ledger/ledger-builders.ts';
import { dropPrefix, localRedisUrl } from '../ledger/redis-for-tests.ts';
import { tempDirForTest } from '../temp-dir.ts';

const run = promisify(execFile);

describe('npm run cli -- ledger', () => {
  it('with Redis there, writes the spreadsheet and prints its path', async () => {
    const redis = await localRedisUrl();
    const out = `${tempDirForTest('ledger-command-')}/ledger.xlsx`;
    // A prefix no bot wrote under: an empty ledger.
    const { stdout } = await run('npm', ['run', '--silent', 'cli', '--', 'ledger', '--out', out, '--redis', redis, '--prefix', `cli-test-${randomUUID()}:`]);
    expect(stdout).toBe(`${out}\n`);
    expect(existsSync(out)).toBe(true);
  }, 620_000);

  it('with Redis out of reach, says so in one line naming the address tried, and exits 1', async () => {
    const out = `${tempDirForTest('ledger-command-')}/ledger.xlsx`;
    // Port 1: nothing listens there, so the connection is refused at once.
    const failed = await run('npm', ['run', '--silent', 'cli', '--', 'ledger', '--out', out, '--redis', 'redis://bot:s3cret@127.0.0.1:1'])
      .then(() => null, (error: { code: number; stderr: string }) => error);
    expect(failed?.code).toBe(1);
    expect(failed?.stderr.trim().split('\n')).toEqual([
      '错误: 无法连接 Redis redis://127.0.0.1:1（connect ECONNREFUSED 127.0.0.1:1），请检查 REDIS_URL 或 --redis',
    ]);
  });

  it('refuses to write a campaign\'s empty ledger from a Redis that holds only another campaign\'s, naming it', async () => {
    const url = await localRedisUrl();
    const dir = tempDirForTest('ledger-command-');
    const ours = `cli-ours-${randomUUID().slice(0, 8)}`;
    const theirs = `cli-theirs-${randomUUID().slice(0, 8)}`;
    const rules = `${dir}/ours.yaml`;
    writeFileSync(rules, readFileSync(DEFAULT_CAMPAIGN_FILE, 'utf8').replace(/^id: .*$/m, `id: ${ours}`));
    const redis = new Redis(url);
    const ledgerOf = (id: string) => ledgerPrefixOf(`intake-bot:${id}:`);
    try {
      await recordVerdict(redis, ledgerOf(theirs), entryOf({ unit: '平江县', decision: 'accept', receivedAt: '2022-07-01T10:00:00+08:00', perSection: 5 }));
      const command = ['run', '--silent', 'cli', '--', 'ledger', '--out', `${dir}/ledger.xlsx`, '--redis', url, '--campaign', rules];
      const failed = await run('npm', command).then(() => null, (error: { code: number; stderr: string }) => error);
      expect(failed?.code).toBe(1);
      expect(failed?.stderr).toContain(`错误: Redis 中没有活动 ${ours} 的报送记录，只有 `);
      expect(failed?.stderr).toContain(theirs);
      expect(existsSync(`${dir}/ledger.xlsx`)).toBe(false);
      await recordVerdict(redis, ledgerOf(ours), entryOf({ unit: '平江县', decision: 'accept', receivedAt: '2022-07-01T10:00:00+08:00', perSection: 5 }));
      const { stdout } = await run('npm', command);
      expect(stdout).toBe(`${dir}/ledger.xlsx\n`);
    } finally {
      await dropPrefix(redis, ledgerOf(theirs));
      await dropPrefix(redis, ledgerOf(ours));
      await redis.quit();
    }
  }, 620_000);
});
