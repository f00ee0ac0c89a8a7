// One pino logger for the whole bot, on stderr (stdout belongs to command output), credentials redacted.
import { pino } from 'pino';
import { environment } from './config/env-file.ts';

/** pino's levels. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/** The level LOG_LEVEL names in `env`, 'info' when unset; null when it names none (the configuration says so). */
export function logLevelIn(env: NodeJS.ProcessEnv): string | null {
  const level = env.LOG_LEVEL?.trim().toLowerCase() || 'info';
  return LOG_LEVELS.includes(level) ? level : null;
}

export const log = pino(
  {
    // The .env file may set it, as every other setting.
    level: logLevelIn(environment().env) ?? 'info',
    base: { app: 'intake-bot' },
    // An operator reads the time; epoch milliseconds need converting.
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['*.pass', '*.password', '*.auth', '*.IMAP_PASS', '*.SMTP_PASS', 'pass', 'password'], censor: '[redacted]' },
  },
  pino.destination({ dest: 2, sync: true }),
);
