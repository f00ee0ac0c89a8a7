// The checkout's .env file, as `npm start` and the worker entry points read it: under the environment, which wins
// (docker compose reads the same file itself, as env_file).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';

/** Where the bot looks for it: the directory it runs in (npm start runs in the checkout). */
export const ENV_FILE = resolve('.env');

/** The variables the file sets (dotenv syntax: values may hold spaces, quotes and # comments); null if there is no
 *  such file. */
export function readEnvFile(path: string): Record<string, string> | null {
  return existsSync(path) ? (parseEnv(readFileSync(path, 'utf8')) as Record<string, string>) : null;
}

/** The environment over the .env file at `path`, and that file's path if there is one. */
export function environment(path = ENV_FILE): { env: NodeJS.ProcessEnv; envFile: string | null } {
  const file = readEnvFile(path);
  return { env: { ...file, ...process.env }, envFile: file ? path : null };
}
