// Hands one new message to the workers: download (or, past the cap, its header only), archive, queue.
import type { FetchMessageObject, ImapFlow } from 'imapflow';
import type { Logger } from 'pino';
import { archiveEmail } from '../archive/archive-email.ts';
import { QUEUE } from '../service/jobs.ts';
import type { PolledIntakeJob } from './intake-job.ts';
import { attachmentsOf, internalDateOf } from './message-structure.ts';
import type { PollerConfig, PollerDeps } from './poller-config.ts';

export interface HandOffContext {
  client: ImapFlow;
  config: Pick<PollerConfig, 'mailbox' | 'dataDir' | 'maxEmailBytes'>;
  deps: Pick<PollerDeps, 'queue'>;
  uidValidity: string;
  log: Logger;
}

/** Raw bytes to archive: the whole message (FETCH BODY.PEEK[] never sets \Seen), or its header when over the cap. */
async function downloadRaw(ctx: HandOffContext, uid: number, oversize: boolean): Promise<Buffer | null> {
  const query = oversize ? { headers: true } : { source: true };
  const fetched = await ctx.client.fetchOne(String(uid), query, { uid: true });
  if (!fetched) return null;
  return (oversize ? fetched.headers : fetched.source) ?? null;
}

/** The queued job, or null when the message vanished (expunged) before it could be downloaded. */
export async function handOffMessage(ctx: HandOffContext, message: FetchMessageObject): Promise<PolledIntakeJob | null> {
  const bytes = message.size ?? 0;
  const oversize = bytes > ctx.config.maxEmailBytes;
  const log = ctx.log.child({ uid: message.uid });
  const raw = await downloadRaw(ctx, message.uid, oversize);
  if (!raw) {
    log.warn('message gone before download; skipped');
    return null;
  }
  const { emailId, archivePath } = await archiveEmail(ctx.config.dataDir, raw);
  let internalDate = internalDateOf(message);
  if (!internalDate) {
    internalDate = new Date().toISOString();
    log.warn({ emailId }, 'server sent no usable INTERNALDATE; using the time of download');
  }
  const job: PolledIntakeJob = {
    emailId,
    archivePath,
    place: { mailbox: ctx.config.mailbox, uidValidity: ctx.uidValidity, uid: message.uid },
    internalDate,
    ...(oversize && {
      oversize: { bytes, limitBytes: ctx.config.maxEmailBytes, attachments: attachmentsOf(message.bodyStructure) },
    }),
  };
  // The email id is the job id: queueing the same email again (a re-poll, a second process) adds nothing.
  await ctx.deps.queue.add(QUEUE.intake, job, { jobId: emailId });
  log.info({ emailId, internalDate, bytes, oversize, subject: message.envelope?.subject }, 'email handed off');
  return job;
}
