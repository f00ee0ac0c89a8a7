// The bot as a process of one ROLE (poller or workers) with its log captured, so a test can tell which process
// decided which email. Started as test/service/bot-process.ts starts the bot; that one leaves the log to the terminal.
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { spawnBotChild } from '../service/bot-process.ts';
import type { Stage } from '../service/harness.ts';

export interface RoleProcess {
  child: ChildProcess;
  /** emailIds this process logged as decided ('email decided'), in order. */
  decided: string[];
  stop(): Promise<void>;
}

export function spawnRole(stage: Stage, role: 'poller' | 'workers'): RoleProcess {
  const child = spawnBotChild(stage, { ROLE: role, LOG_LEVEL: 'info' }, ['ignore', 'ignore', 'pipe']);
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
