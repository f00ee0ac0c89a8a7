// A Redis of the chaos run's own, started as scripts/services/up.sh starts the shared one (append-only file on), so
// restarting it mid-run hurts no other test that shares the usual instance.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface OwnRedis {
  url: string;
  /** SIGTERM (Redis writes out its append-only file and ends), then the same command again on the same data. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  /** Starts it again after stop(), on the same port and data. */
  start(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitUntil(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let tries = 0; tries < 150; tries += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`own Redis: ${what} did not happen within 30 s`);
}

export async function startOwnRedis(dir: string): Promise<OwnRedis> {
  const port = await freePort();
  const pidFile = join(dir, 'redis.pid');
  const ping = () => run('redis-cli', ['-p', String(port), 'ping']).then((r) => r.stdout.trim() === 'PONG', () => false);
  const start = async () => {
    await run('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--appendonly', 'yes',
      '--daemonize', 'yes', '--pidfile', pidFile, '--logfile', join(dir, 'redis.log')]);
    await waitUntil(ping, 'start');
  };
  const stop = async () => {
    const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).trim());
    if (!pid) return;
    process.kill(pid, 'SIGTERM');
    await waitUntil(async () => { try { process.kill(pid, 0); return false; } catch { return true; } }, 'stop');
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, restart: async () => { await stop(); await start(); }, stop, start };
}
