// Brings one mailbox up to date: every message past the checkpoint is handed off in UID order, then checkpointed.
import type { FetchMessageObject, ImapFlow } from 'imapflow';
import type { Logger } from 'pino';
import { advanceCheckpoint, readCheckpoint, resetCheckpoint, type Checkpoint } from './checkpoint.ts';
import { handOffMessage } from './hand-off-message.ts';
import type { PolledIntakeJob } from './intake-job.ts';
import { internalDateOf } from './message-structure.ts';
import type { PollerConfig, PollerDeps } from './poller-config.ts';

export interface CatchUpContext {
  client: ImapFlow;
  config: Pick<PollerConfig, 'mailbox' | 'dataDir' | 'maxEmailBytes' | 'ignoreBefore'>;
  deps: Pick<PollerDeps, 'redis' | 'queue'>;
  checkpointKey: string;
  log: Logger;
}

/** Structures are fetched this many messages at a time, so a first run over a full mailbox stays small in memory. */
const STRUCTURE_BATCH = 50;

/** The checkpoint for the mailbox as now selected; a changed UIDVALIDITY starts the mailbox over from UID 0. */
async function currentCheckpoint(ctx: CatchUpContext, uidValidity: string): Promise<Checkpoint> {
  const stored = await readCheckpoint(ctx.deps.redis, ctx.checkpointKey);
  if (stored?.uidValidity === uidValidity) return stored;
  if (stored) ctx.log.warn({ was: stored.uidValidity, now: uidValidity }, 'UIDVALIDITY changed; reading the mailbox again');
  await resetCheckpoint(ctx.deps.redis, ctx.checkpointKey, uidValidity);
  return { uidValidity, lastUid: 0 };
}

function receivedBefore(message: FetchMessageObject, ignoreBefore: string | null): boolean {
  const received = internalDateOf(message);
  return ignoreBefore !== null && received !== null && Date.parse(received) < Date.parse(ignoreBefore);
}

async function newUids(client: ImapFlow, lastUid: number): Promise<number[]> {
  // `n:*` also matches the highest UID when it is below n, hence the filter.
  const found = await client.search({ uid: `${lastUid + 1}:*` }, { uid: true });
  return (found || []).filter((uid) => uid > lastUid).sort((a, b) => a - b);
}

/** Re-selects the mailbox (some servers, 126 among them, show new mail only then) and hands off what is new. */
export async function catchUp(ctx: CatchUpContext): Promise<PolledIntakeJob[]> {
  // EXAMINE: read-only, so nothing the poller does can mark mail as read for the staff.
  const selected = await ctx.client.mailboxOpen(ctx.config.mailbox, { readOnly: true });
  const uidValidity = selected.uidValidity.toString();
  const checkpoint = await currentCheckpoint(ctx, uidValidity);
  const uids = await newUids(ctx.client, checkpoint.lastUid);
  const handedOff: PolledIntakeJob[] = [];
  for (let start = 0; start < uids.length; start += STRUCTURE_BATCH) {
    const batch = uids.slice(start, start + STRUCTURE_BATCH);
    const query = { uid: true, envelope: true, bodyStructure: true, internalDate: true, size: true };
    // The answer may also carry the server's unsolicited news of other messages (another session's flag changes or
    // moves, without a UID): only the messages asked for are handed off.
    const messages = (await ctx.client.fetchAll(batch.join(','), query, { uid: true }))
      .filter((m) => batch.includes(m.uid)).sort((a, b) => a.uid - b.uid);
    for (const message of messages) {
      const job = receivedBefore(message, ctx.config.ignoreBefore) ? null : await handOffMessage({ ...ctx, uidValidity }, message);
      if (job) handedOff.push(job);
      // Only now, with the email archived and queued, does the checkpoint pass it.
      await advanceCheckpoint(ctx.deps.redis, ctx.checkpointKey, { uidValidity, lastUid: message.uid });
    }
  }
  if (uids.length) ctx.log.info({ found: uids.length, handedOff: handedOff.length, uidValidity }, 'mailbox caught up');
  return handedOff;
}
