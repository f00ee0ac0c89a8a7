// One pino logger for the whole bot, on stderr (stdout belongs to command output), credentials redacted.
import { pino } from 'pino';

export const log = pino(
  {
    level: process.env.LOG_LEVEL ?? 'info',
    base: { app: 'intake-bot' },
    // An operator reads the time; epoch milliseconds need converting.
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['*.pass', '*.password', '*.auth', '*.IMAP_PASS', '*.SMTP_PASS', 'pass', 'password'], censor: '[redacted]' },
  },
  pino.destination({ dest: 2, sync: true }),
);
