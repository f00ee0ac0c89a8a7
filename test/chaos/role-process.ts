// The bot as a process of one ROLE (poller or workers) with its log captured, so a test can tell which process
// decided which email. Same entry as test/service/bot-process.ts; that one leaves the log to the terminal.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Stage } from '../service/harness.ts';

const ENTRY = fileURLToPath(new URL('../service/bot-child.ts', import.meta.url));

export interface RoleProcess {
  child: ChildProcess;
  /** emailIds this process logged as decided ('email decided'), in order. */
  decided: string[];
  stop(): Promise<void>;
}

export function spawnRole(stage: Stage, role: 'poller' | 'workers'): RoleProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    env: { ...process.env, ...stage.variables, ROLE: role, LOG_LEVEL: 'info', TEST_BULL_PREFIX: stage.bullPrefix, TEST_KEY_PREFIX: stage.keyPrefix },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const decided: string[] = [];
  // The bot logs pino JSON lines on stderr; only the decisions matter here.
  createInterface({ input: child.stderr! }).on('line', (line) => {
    const entry = (() => { try { return JSON.parse(line) as { msg?: string; emailId?: string }; } catch { return {}; } })();
    if (entry.msg === 'email decided' && entry.emailId) decided.push(entry.emailId);
  });
  const exited = once(child, 'exit');
  return {
    child, decided,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
