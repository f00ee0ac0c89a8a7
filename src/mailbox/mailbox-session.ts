// One IMAP connection for the reply worker's steps in the mailbox, kept from one reply to the next: a login for every
// reply is hundreds of logins on a deadline day for 126 to count, and most of the step's time. Opened when first
// needed, again after it dropped or a step failed on it, and logged out after a quiet spell, so none goes stale.
import type { ImapFlow } from 'imapflow';
import type { Logger } from 'pino';
import { openImap } from '../poller/imap-connection.ts';
import { POLLER_DEFAULTS, type ImapAccount } from '../poller/poller-config.ts';

/** Quiet time after which the connection is logged out; replies of a burst come seconds apart. */
const IDLE_LOGOUT_MS = 30_000;

export class MailboxSession {
  private client: ImapFlow | null = null;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly imap: ImapAccount, private readonly log: Logger, private readonly idleLogoutMs = IDLE_LOGOUT_MS,
  ) {}

  async use<T>(work: (client: ImapFlow) => Promise<T>): Promise<T> {
    clearTimeout(this.idleTimer);
    if (!this.client?.usable) {
      this.client?.close();
      this.client = await openImap({ ...POLLER_DEFAULTS, imap: this.imap }, this.log);
    }
    const client = this.client;
    try {
      return await work(client);
    } catch (error) {
      // A step that failed may have left the connection mid-command or holding a mailbox: the next starts afresh.
      if (this.client === client) this.client = null;
      client.close();
      throw error;
    } finally {
      if (this.client) this.idleTimer = setTimeout(() => void this.close(), this.idleLogoutMs).unref();
    }
  }

  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const client = this.client;
    this.client = null;
    await client?.logout().catch(() => client.close());
  }
}
