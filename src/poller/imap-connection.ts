// Opens one IMAP connection for the poller: identified with the ID command, protocol log into pino, no auto-IDLE.
import { ImapFlow } from 'imapflow';
import type { Logger } from 'pino';
import type { PollerConfig } from './poller-config.ts';

export async function openImap(config: Pick<PollerConfig, 'imap' | 'clientInfo' | 'imapLogLevel'>, log: Logger): Promise<ImapFlow> {
  const { host, port, secure, user, pass } = config.imap;
  const client = new ImapFlow({
    host,
    port,
    secure,
    auth: { user, pass },
    // imapflow sends ID (RFC 2971) right after CAPABILITY and again after LOGIN when the server advertises it.
    clientInfo: config.clientInfo,
    // The poller decides when to IDLE: between catch-ups, restarted by its watchdog.
    disableAutoIdle: true,
    logger: log.child({ component: 'imapflow' }, { level: config.imapLogLevel }),
  });
  // An 'error' without a listener would end the process; the session learns of it through 'close'.
  client.on('error', (error: Error) => log.warn({ err: error }, 'IMAP connection error'));
  try {
    await client.connect();
  } catch (error) {
    client.close();
    throw error;
  }
  log.info({ server: client.serverInfo, idle: client.capabilities.has('IDLE') }, 'IMAP connected');
  return client;
}

/** Rejects when `promise` has not settled within `ms`: a silent server is a dead one. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} not answered within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
