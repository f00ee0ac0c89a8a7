// Opens one IMAP connection for the poller: identified with the ID command, protocol log into pino, no auto-IDLE.
import { ImapFlow, type Logger as ImapFlowLogger } from 'imapflow';
import type { Logger } from 'pino';
import { identifyAfterLogin } from './identify-after-login.ts';
import { imapSetupHint, ImapSetupError } from './imap-setup-hint.ts';
import type { PollerConfig } from './poller-config.ts';

type ConnectionSettings = Pick<PollerConfig, 'imap' | 'clientInfo' | 'imapLogLevel' | 'socketTimeoutMs'>;

/** Connects and logs in; `signal` aborts a connect that hangs (an unreachable server takes long to give up). */
export async function openImap(config: ConnectionSettings, log: Logger, signal?: AbortSignal): Promise<ImapFlow> {
  const { host, port, secure, user, pass } = config.imap;
  const client = new ImapFlow({
    host,
    port,
    secure,
    auth: { user, pass },
    // Sent with ID (RFC 2971) whenever the server advertises it; see identifyAfterLogin for NetEase.
    clientInfo: config.clientInfo,
    // The poller decides when to IDLE: between catch-ups, restarted by its watchdog.
    disableAutoIdle: true,
    // The NOOP watchdog runs between commands; a command stalled mid-way is caught by this instead.
    socketTimeout: config.socketTimeoutMs,
    logger: protocolLogger(log.child({ component: 'imapflow' }, { level: quieterLevel(log, config.imapLogLevel) }), config.imap),
  });
  // An 'error' without a listener would end the process; the session learns of it through 'close'.
  client.on('error', (error: Error) => log.warn({ err: error }, 'IMAP connection error'));
  const abort = () => client.close();
  signal?.addEventListener('abort', abort, { once: true });
  try {
    await client.connect();
    await identifyAfterLogin(client, config.clientInfo);
  } catch (error) {
    client.close();
    const hint = imapSetupHint(error, config.imap);
    throw hint ? new ImapSetupError(hint, error) : error;
  } finally {
    signal?.removeEventListener('abort', abort);
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

/** imapflow's protocol log, less its own report of a failure on the settings: the caller logs that once, with a hint. */
function protocolLogger(log: Logger, account: ConnectionSettings['imap']): ImapFlowLogger & { isLevelEnabled(level: string): boolean } {
  return {
    // imapflow asks before building a costly entry (a whole response); pino knows its own level.
    isLevelEnabled: (level) => log.isLevelEnabled(level),
    trace: (entry: object) => log.trace(entry),
    debug: (entry: object) => log.debug(entry),
    info: (entry: object) => log.info(entry),
    warn: (entry: object) => log.warn(entry),
    error: (entry: { err?: unknown }) => {
      if (!imapSetupHint(entry.err, account)) log.error(entry);
    },
    fatal: (entry: object) => log.fatal(entry),
  };
}

/** imapflow's protocol log is capped at its own level, and never louder than the bot's (LOG_LEVEL=silent is silent). */
function quieterLevel(log: Logger, level: string): string {
  return (log.levels.values[level] ?? 0) >= log.levelVal ? level : log.level;
}
