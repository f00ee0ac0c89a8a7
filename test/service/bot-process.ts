// The bot as a process of its own, for the restart test: started like `npm start`, killed without warning.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { Stage } from './harness.ts';

const ENTRY = fileURLToPath(new URL('./bot-child.ts', import.meta.url));

export interface BotProcess {
  child: ChildProcess;
  /** SIGKILL: no job is finished, no lock released, no connection closed. */
  kill(): Promise<void>;
  /** SIGTERM: the bot's own clean stop. */
  stop(): Promise<void>;
}

export function spawnBot(stage: Stage): BotProcess {
  // Node itself runs the bot (not npx), so the signal reaches the bot and not a wrapper around it.
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    env: { ...process.env, ...stage.variables, LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', TEST_BULL_PREFIX: stage.bullPrefix, TEST_KEY_PREFIX: stage.keyPrefix },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = once(child, 'exit');
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return { child, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}
