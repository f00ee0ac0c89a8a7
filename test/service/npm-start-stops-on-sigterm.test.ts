// SIGTERM to `npm start` stops the bot: npm passes it to its child only, and /bin/sh (dash) runs a script's command
// as a child of its own, so without `exec` in the script the bot was orphaned and kept running; and a SIGTERM while it
// was still starting ended it unclean (the signal handlers came after the start). On the real services.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ServicesEnv } from '../../scripts/services/services-env.ts';
import { tempDirForTest } from '../temp-dir.ts';
import { openStage, startServices, type Stage } from './harness.ts';

let env: ServicesEnv;
let stage: Stage | undefined;

beforeAll(async () => {
  env = await startServices();
}, 620_000);

afterEach(async () => {
  await stage?.dispose();
  stage = undefined;
});

describe('npm start', () => {
  it.each([
    ['once it runs', 'holding the poller lock'],
    // Still starting (docker stop or Ctrl-C right away): the signal waits for the start, then stops it.
    ['while it is still starting', '"msg":"starting"'],
  ])('on SIGTERM %s the bot stops cleanly and no process of it is left', async (_when, moment) => {
    stage = await openStage(env, 'npm-start');
    // A campaign id of the test's own: the bot runs on that campaign's default prefixes.
    const id = `npm-start-${stage.tag}`;
    const campaign = join(tempDirForTest('npm-start-'), 'campaign.yaml');
    await writeFile(campaign, (await readFile('rules/campaign-2022.yaml', 'utf8')).replace(/^id: .*$/m, `id: ${id}`));
    try {
      const npm = spawn('npm', ['start'], {
        env: { ...process.env, ...stage.variables, CAMPAIGN: campaign, LOG_LEVEL: 'info' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      npm.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      // stderr closes when every process holding it has ended: the bot too, not only npm.
      const closed = once(npm, 'close');
      // The build comes first (about 10 s); the bot holds the poller lock once it runs.
      await vi.waitFor(() => expect(stderr).toContain(moment), { timeout: 120_000, interval: 200 });
      npm.kill('SIGTERM');
      const timer = setTimeout(() => npm.stderr.destroy(), 30_000);
      await closed;
      clearTimeout(timer);
      expect(stderr).toContain('"msg":"stopped"');
    } finally {
      const keys = await stage.redis.keys(`intake-bot:${id}:*`);
      if (keys.length) await stage.redis.del(...keys);
    }
  }, 180_000);
});
