// One IMAP connection's life: catch up, then wait for news (IDLE or interval), prove the line with NOOP, repeat.
import type { ImapFlow } from 'imapflow';
import type { Logger } from 'pino';
import { catchUp } from './catch-up.ts';
import { openImap, withTimeout } from './imap-connection.ts';
import type { PolledIntakeJob } from './intake-job.ts';
import type { PollerConfig, PollerDeps } from './poller-config.ts';

export interface SessionContext {
  config: PollerConfig;
  deps: PollerDeps;
  checkpointKey: string;
  log: Logger;
  /** Aborted on stop or when the poller lock is lost: the connection is closed at once. */
  signal: AbortSignal;
  onConnected(): void;
  onCaughtUp(jobs: PolledIntakeJob[]): void;
}

/** Resolves at the first of: new mail announced, the connection gone, the wait over. IDLE runs meanwhile if asked. */
function waitForNews(client: ImapFlow, news: { arrived: boolean; wake?: () => void }, ms: number, idle: boolean, log: Logger) {
  if (news.arrived || !client.usable) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      news.wake = undefined;
      resolve();
    };
    const timer = setTimeout(done, ms);
    news.wake = done;
    // IDLE ends by itself when the next command is sent; a failure shows as 'close'.
    if (idle) client.idle().catch((error: Error) => log.debug({ err: error }, 'IDLE ended with an error'));
  });
}

/** Returns when the connection has ended (dropped, found dead, or closed by the signal); throws when it fails. */
export async function runSession(ctx: SessionContext): Promise<void> {
  const { config, log } = ctx;
  const client = await openImap(config, log, ctx.signal);
  ctx.onConnected();
  const news: { arrived: boolean; wake?: () => void } = { arrived: false };
  const nudge = () => {
    news.arrived = true;
    news.wake?.();
  };
  client.on('exists', nudge);
  client.on('close', nudge);
  const close = () => client.close();
  ctx.signal.addEventListener('abort', close);
  try {
    const idle = config.mode === 'auto' && client.capabilities.has('IDLE');
    const waitMs = idle ? config.watchdogIntervalMs : config.pollIntervalMs;
    log.info({ idle, waitMs }, idle ? 'waiting for new mail with IDLE' : 'polling for new mail');
    while (!ctx.signal.aborted && client.usable) {
      // Cleared before the catch-up: news announced while it runs brings another round at once.
      news.arrived = false;
      ctx.onCaughtUp(await catchUp({ client, config, deps: ctx.deps, checkpointKey: ctx.checkpointKey, log }));
      await waitForNews(client, news, waitMs, idle, log);
      if (ctx.signal.aborted || !client.usable) break;
      // The watchdog: a connection that cannot answer NOOP in time is dead even if no socket error says so.
      await withTimeout(client.noop(), config.watchdogTimeoutMs, 'NOOP');
    }
  } finally {
    ctx.signal.removeEventListener('abort', close);
    client.close();
  }
}
