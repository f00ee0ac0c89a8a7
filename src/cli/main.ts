// The command line: `check` (the verdict contract), `stamp` (what the seal check saw), `ledger` (the spreadsheet).
import { log } from '../log.ts';

// Loaded on demand: `check` leaves pdf.js and the Word readers to its pipeline thread, so its own thread need not load them.
const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  check: async (args) => (await import('./check-command.ts')).runCheckCommand(args),
  stamp: async (args) => (await import('../seal/stamp-command.ts')).runStampCommand(args),
  ledger: async (args) => (await import('./ledger-command.ts')).runLedgerCommand(args),
};

const USAGE = `用法:
  npm run --silent cli -- check <file.eml> [<file.eml> ...] [--json] [--received <ISO-8601>] [--campaign <rules.yaml>]
  npm run --silent cli -- stamp <file.pdf> [--png <dir>] [--json]
  npm run --silent cli -- ledger --out <file.xlsx> [--campaign <rules.yaml>]   (Redis: REDIS_URL)`;

const [name, ...args] = process.argv.slice(2);
const command = name ? COMMANDS[name] : undefined;
if (!command) {
  process.stderr.write(`${name ? `未知命令: ${name}\n` : ''}${USAGE}\n`);
  process.exitCode = 2;
} else {
  command(args).then((code) => { process.exitCode = code; }, (err: Error) => {
    log.debug({ err }, 'command failed');
    process.stderr.write(`错误: ${err.message.split('\n')[0]}\n`);
    process.exitCode = 1;
  });
}
