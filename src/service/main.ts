// `npm start`: the running bot. ROLE=all runs the poller and every worker in one process; ROLE=workers only the
// workers (more machines sharing one Redis take load); ROLE=poller only the poller.
import { ConfigError, describeConfig, loadConfig } from '../config/config.ts';
import { CampaignRulesError } from '../rules/load-campaign.ts';
import { log } from '../log.ts';
import { startBot, type Bot } from './bot.ts';

async function main(): Promise<void> {
  let starting: Promise<Bot> | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    // A signal during start-up waits for it (the poller may already hold its lock); a failed start exits on its own.
    const bot = starting ? await starting.catch(() => null) : null;
    if (starting && !bot) return;
    await bot?.stop();
    log.info('stopped');
    // A worker left behind (closeWorker) may still hold a timer or a socket; the state is in Redis.
    process.exit(0);
  };
  // First of all: a SIGTERM before its handler is installed ends the process at once (docker stop, Ctrl-C right
  // away), with the poller perhaps holding its lock.
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
  const config = loadConfig();
  log.info({ config: describeConfig(config) }, 'starting');
  starting = startBot(config);
  await starting;
}

main().catch((err: Error) => {
  if (err instanceof ConfigError || err instanceof CampaignRulesError) process.stderr.write(`${err.message}\n`);
  else log.fatal({ err }, 'could not start');
  // What had started is stopped (startBot); exiting now, not when the last handle lets go, is what a process manager
  // sees and restarts.
  process.exit(1);
});
