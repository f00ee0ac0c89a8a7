// What the operator should change when an IMAP connection fails because of its settings: the server's refusal and
// OpenSSL's "wrong version number" name no variable, and arrive with stacks that bury them.
import type { ImapAccount } from './poller-config.ts';

/** A connection attempt that failed on the settings: its message says which to check (never the password). */
export class ImapSetupError extends Error {
  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.name = 'ImapSetupError';
  }
}

/** The line naming the settings to check, or null when the failure says nothing about them (a network fault). */
export function imapSetupHint(error: unknown, account: Pick<ImapAccount, 'host' | 'port' | 'secure' | 'user'>): string | null {
  const { authenticationFailed, code } = (error ?? {}) as { authenticationFailed?: boolean; code?: string };
  const server = `${account.host}:${account.port}`;
  if (authenticationFailed) {
    return `IMAP login refused for ${account.user}: check IMAP_USER / IMAP_PASS (for 126 mail the client authorisation code 授权码, not the web password)`;
  }
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER') {
    return `IMAP server ${server} does not answer in TLS: IMAP_SECURE=true needs a TLS port in IMAP_PORT (993 = TLS); for port 143 set IMAP_SECURE=false`;
  }
  // A TLS port waits for the client's handshake and sends nothing to a client that waits for a greeting.
  if (code === 'GREETING_TIMEOUT' && !account.secure) {
    return `IMAP server ${server} sent no greeting: if IMAP_PORT is a TLS port (993 = TLS), set IMAP_SECURE=true`;
  }
  return null;
}
