// `ledger` without a Redis to read: one line that names the Redis it tried (without its password), no ioredis traces.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { localRedisUrl } from '../ledger/redis-for-tests.ts';
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
});
