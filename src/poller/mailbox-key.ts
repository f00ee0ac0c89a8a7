// One name per mailbox (account, server and folder) for the Redis keys of its checkpoint and lock.
import type { PollerConfig } from './poller-config.ts';

export function mailboxKey(config: Pick<PollerConfig, 'imap' | 'mailbox'>): string {
  const { user, host, port } = config.imap;
  return `${user.toLowerCase()}@${host.toLowerCase()}:${port}/${config.mailbox}`;
}
