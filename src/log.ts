// One pino logger for the whole bot, on stderr (stdout belongs to command output), credentials redacted.
import { pino } from 'pino';
import { environment } from './config/env-file.ts';

/** pino's levels; LOG_LEVEL names one (the configuration says when it does not, and the log stays at info). */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];
// The .env file may set it, as every other setting.
const level = environment().env.LOG_LEVEL?.trim().toLowerCase() ?? '';

export const log = pino(
  {
    level: LOG_LEVELS.includes(level) ? level : 'info',
    base: { app: 'intake-bot' },
    // An operator reads the time; epoch milliseconds need converting.
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['*.pass', '*.password', '*.auth', '*.IMAP_PASS', '*.SMTP_PASS', 'pass', 'password'], censor: '[redacted]' },
  },
  pino.destination({ dest: 2, sync: true }),
);
