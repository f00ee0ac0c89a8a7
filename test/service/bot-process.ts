// The bot as a process of its own: the build `npm start` runs (dist/), started like it, killed without warning.
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assertBuildCurrent } from './build-current.ts';
import type { Stage } from './harness.ts';

const ENTRY = fileURLToPath(new URL('./bot-child.mjs', import.meta.url));
const START_SCRIPT = fileURLToPath(new URL('../../scripts/start.sh', import.meta.url));

/** How `npm start` runs the bot (scripts/start.sh is where it is set): the variables it exports, and node's flags. */
export function startCommand(): { variables: Record<string, string>; nodeFlags: string[] } {
  const start = readFileSync(START_SCRIPT, 'utf8');
  const exported = /^export ((?:[A-Z_]+=\S+ ?)+)$/m.exec(start);
  const command = /^exec node((?: --\S+)*) dist\/src\/service\/main\.js$/m.exec(start);
  if (!exported || !command) throw new Error(`${START_SCRIPT} does not export variables and exec node on dist/src/service/main.js`);
  const variables = Object.fromEntries(exported[1].split(' ').filter(Boolean).map((pair) => pair.split('=', 2)));
  return { variables, nodeFlags: command[1].split(' ').filter(Boolean) };
}

/** Starts the built bot on the stage's mailbox, data folder and prefixes; `extra` adds or overrides variables. */
export function spawnBotChild(stage: Stage, extra: Record<string, string>, stdio: StdioOptions): ChildProcess {
  assertBuildCurrent();
  // Node itself runs the bot (not npx), so the signal reaches the bot and not a wrapper around it. Node's flags and
  // glibc's malloc settings are as `npm start` sets them (the caller's environment may override the latter, to
  // compare). BOT_NODE_ARGS adds flags (e.g. --cpu-prof for a bench).
  const { variables, nodeFlags } = startCommand();
  const nodeArgs = [...nodeFlags, ...process.env.BOT_NODE_ARGS?.split(' ').filter(Boolean) ?? []];
  return spawn(process.execPath, [...nodeArgs, ENTRY], {
    env: { ...variables, ...process.env, ...stage.variables, TEST_BULL_PREFIX: stage.bullPrefix, TEST_KEY_PREFIX: stage.keyPrefix, ...extra },
    stdio,
  });
}

export interface BotProcess {
  child: ChildProcess;
  /** SIGKILL: no job is finished, no lock released, no connection closed. */
  kill(): Promise<void>;
  /** SIGTERM: the bot's own clean stop. */
  stop(): Promise<void>;
}

export function spawnBot(stage: Stage): BotProcess {
  const child = spawnBotChild(stage, { LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' }, ['ignore', 'inherit', 'inherit']);
  const exited = once(child, 'exit');
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
    await exited;
  };
  return { child, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') };
}
