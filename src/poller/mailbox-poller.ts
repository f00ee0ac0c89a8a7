// The running poller of one mailbox: waits for the mailbox's lock, then keeps a session alive with backoff reconnects.
import type { Logger } from 'pino';
import { reconnectDelayMs } from './backoff.ts';
import { checkpointKey } from './checkpoint.ts';
import { ImapSetupError } from './imap-setup-hint.ts';
import { mailboxKey } from './mailbox-key.ts';
import { keepRenewing, lockKey, MailboxLock } from './mailbox-lock.ts';
import { pause } from './pause.ts';
import { pollerConfig, type PollerConfig, type PollerDeps, type PollerSettings } from './poller-config.ts';
import { runSession } from './poller-session.ts';

export interface PollerStats {
  /** True while this process is the one polling the mailbox. */
  holdsLock: boolean;
  /** IMAP connections opened so far (more than one after a reconnect). */
  connections: number;
  /** Emails this process has archived and queued. */
  handedOff: number;
  /** When this process last finished a catch-up (ISO-8601), null before the first. */
  lastCaughtUpAt: string | null;
}

export interface PollerHandle {
  /** Closes the connection, releases the lock, and resolves when the poller has ended. */
  stop(): Promise<void>;
  stats(): PollerStats;
}

interface Running {
  config: PollerConfig;
  deps: PollerDeps;
  log: Logger;
  stats: PollerStats;
  stopping: AbortSignal;
}

/** Polls while the lock is ours; returns on stop or when the lock is lost. */
async function pollWhileHolding(run: Running, lock: MailboxLock, key: string): Promise<void> {
  const { config, log, stats } = run;
  const lease = new AbortController();
  const endLease = () => lease.abort();
  run.stopping.addEventListener('abort', endLease, { once: true });
  // A stop while the lock was being taken has fired already, and would not again.
  if (run.stopping.aborted) lease.abort();
  keepRenewing(lock, config.lockTtlMs, lease, (error) => log.warn({ err: error }, 'could not renew the poller lock'));
  let attempt = 0;
  try {
    while (!lease.signal.aborted) {
      try {
        await runSession({
          config,
          deps: run.deps,
          checkpointKey: key,
          log,
          signal: lease.signal,
          onConnected: () => (stats.connections += 1),
          onCaughtUp: (jobs) => {
            attempt = 0;
            stats.handedOff += jobs.length;
            stats.lastCaughtUpAt = new Date().toISOString();
          },
        });
      } catch (error) {
        if (!lease.signal.aborted) logSessionFailure(log, error);
      }
      if (lease.signal.aborted) break;
      const delayMs = reconnectDelayMs(attempt++, config.reconnectMinMs, config.reconnectMaxMs);
      log.info({ delayMs, attempt }, 'connection ended; reconnecting');
      await pause(delayMs, lease.signal);
    }
  } finally {
    run.stopping.removeEventListener('abort', endLease);
    lease.abort();
    if (!run.stopping.aborted) log.warn('lost the poller lock; another process polls this mailbox now');
  }
}

/** A failure on the settings is one line that says what to fix (its stack would add nothing); any other, in full. */
function logSessionFailure(log: Logger, error: unknown): void {
  if (error instanceof ImapSetupError) log.error(error.message);
  else log.warn({ err: error }, 'IMAP session failed');
}

async function runPoller(run: Running): Promise<void> {
  const mailbox = mailboxKey(run.config);
  const lock = new MailboxLock(run.deps.redis, lockKey(run.config.keyPrefix, mailbox), run.config.lockTtlMs);
  while (!run.stopping.aborted) {
    const acquired = await lock.tryAcquire().catch((error: unknown) => {
      run.log.warn({ err: error }, 'could not reach Redis for the poller lock');
      return false;
    });
    if (!acquired) {
      // Another process polls this mailbox; take over once its lock expires.
      await pause(run.config.lockTtlMs / 3, run.stopping);
      continue;
    }
    run.stats.holdsLock = true;
    run.log.info('holding the poller lock');
    await pollWhileHolding(run, lock, checkpointKey(run.config.keyPrefix, mailbox));
    run.stats.holdsLock = false;
  }
  await lock.release().catch((error: unknown) => run.log.warn({ err: error }, 'could not release the poller lock'));
}

export function startPoller(settings: PollerSettings, deps: PollerDeps): PollerHandle {
  const config = pollerConfig(settings);
  const stopping = new AbortController();
  const log = deps.log.child({ mailbox: mailboxKey(config) });
  const stats: PollerStats = { holdsLock: false, connections: 0, handedOff: 0, lastCaughtUpAt: null };
  const ended = runPoller({ config, deps, log, stats, stopping: stopping.signal });
  return {
    stop: async () => {
      stopping.abort();
      await ended;
    },
    stats: () => ({ ...stats }),
  };
}
