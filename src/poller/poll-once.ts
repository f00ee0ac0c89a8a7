// A single catch-up of one mailbox on a connection of its own (tests, and a `poll` command): no IDLE, no reconnect.
import { catchUp } from './catch-up.ts';
import { checkpointKey } from './checkpoint.ts';
import { openImap } from './imap-connection.ts';
import type { PolledIntakeJob } from './intake-job.ts';
import { mailboxKey } from './mailbox-key.ts';
import { keepRenewing, lockKey, MailboxLock } from './mailbox-lock.ts';
import { pollerConfig, type PollerDeps, type PollerSettings } from './poller-config.ts';

/** The emails handed off, or null when another process holds the mailbox's lock (it polls; this one does not). */
export async function pollOnce(settings: PollerSettings, deps: PollerDeps): Promise<PolledIntakeJob[] | null> {
  const config = pollerConfig(settings);
  const mailbox = mailboxKey(config);
  const log = deps.log.child({ mailbox });
  const lock = new MailboxLock(deps.redis, lockKey(config.keyPrefix, mailbox), config.lockTtlMs);
  if (!(await lock.tryAcquire())) return null;
  const lease = new AbortController();
  keepRenewing(lock, config.lockTtlMs, lease, (error) => log.warn({ err: error }, 'could not renew the poller lock'));
  try {
    const client = await openImap(config, log);
    try {
      return await catchUp({ client, config, deps, checkpointKey: checkpointKey(config.keyPrefix, mailbox), log });
    } finally {
      await client.logout().catch(() => client.close());
    }
  } finally {
    lease.abort();
    await lock.release();
  }
}
