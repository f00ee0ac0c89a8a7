// Hands one new message to the workers: download (or, past the cap or when refused, its header only), archive, queue.
import type { FetchMessageObject, ImapFlow } from 'imapflow';
import type { Logger } from 'pino';
import { archiveEmail } from '../archive/archive-email.ts';
import { repairHeaderText } from '../mail/repair-charset.ts';
import { jobIdOf, QUEUE, type MailboxPlace } from '../service/jobs.ts';
import type { NotDownloadedNote, PolledIntakeJob } from './intake-job.ts';
import { attachmentsOf, internalDateOf } from './message-structure.ts';
import type { PollerConfig, PollerDeps } from './poller-config.ts';

export interface HandOffContext {
  client: ImapFlow;
  config: Pick<PollerConfig, 'mailbox' | 'dataDir' | 'maxEmailBytes'>;
  deps: Pick<PollerDeps, 'queue'>;
  uidValidity: string;
  log: Logger;
}

interface Download {
  raw: Buffer;
  notDownloaded?: NotDownloadedNote['reason'];
}

/** A NO or BAD answer concerns this message only; the connection itself is fine. */
function refusedByServer(error: unknown): boolean {
  const status = (error as { responseStatus?: string }).responseStatus;
  return status === 'NO' || status === 'BAD';
}

async function fetchPart(client: ImapFlow, uid: number, part: 'source' | 'headers'): Promise<Buffer | null> {
  // FETCH BODY.PEEK[] / BODY.PEEK[HEADER]: reading never sets \Seen.
  const fetched = await client.fetchOne(String(uid), { [part]: true }, { uid: true });
  return (fetched && fetched[part]) || null;
}

/** The whole message when allowed; else its header, so that a job still tells the county why nothing was read. */
async function download(ctx: HandOffContext, message: FetchMessageObject): Promise<Download | null> {
  if ((message.size ?? 0) > ctx.config.maxEmailBytes) {
    const header = await fetchPart(ctx.client, message.uid, 'headers');
    return header && { raw: header, notDownloaded: 'oversize' };
  }
  try {
    const source = await fetchPart(ctx.client, message.uid, 'source');
    return source && { raw: source };
  } catch (error) {
    // One message the server will not hand out must not hold up every message after it.
    if (!refusedByServer(error)) throw error;
    ctx.log.error({ err: error, uid: message.uid }, 'server refused the message body; queueing its header');
    const header = await fetchPart(ctx.client, message.uid, 'headers');
    return header && { raw: header, notDownloaded: 'refused' };
  }
}

/** The queued job, or null when the message vanished (expunged) before it could be downloaded. */
export async function handOffMessage(ctx: HandOffContext, message: FetchMessageObject): Promise<PolledIntakeJob | null> {
  const log = ctx.log.child({ uid: message.uid });
  const fetched = await download(ctx, message);
  if (!fetched) {
    log.warn('message gone before download; skipped');
    return null;
  }
  const { emailId, archivePath } = await archiveEmail(ctx.config.dataDir, fetched.raw);
  let internalDate = internalDateOf(message);
  if (!internalDate) {
    internalDate = new Date().toISOString();
    log.warn({ emailId }, 'server sent no usable INTERNALDATE; using the time of download');
  }
  const bytes = message.size ?? 0;
  const job: PolledIntakeJob = {
    emailId,
    archivePath,
    place: { mailbox: ctx.config.mailbox, uidValidity: ctx.uidValidity, uid: message.uid },
    internalDate,
    ...(fetched.notDownloaded && {
      notDownloaded: { reason: fetched.notDownloaded, bytes, limitBytes: ctx.config.maxEmailBytes, attachments: attachmentsOf(message.bodyStructure) },
    }),
  };
  // The email id is the job id: queueing the same email again from the same place (a re-poll, a second process) adds
  // nothing; from another place it is another copy of it, to be filed as the first was.
  const earlier = (await ctx.deps.queue.getJob(emailId))?.data.place;
  const copy = earlier !== undefined && !samePlace(earlier, job.place);
  if (copy) job.copy = true;
  await ctx.deps.queue.add(QUEUE.intake, job, { jobId: jobIdOf(job) });
  // imapflow reads an 8-bit GBK subject as UTF-8; the mail parser's repair reads it again from the bytes.
  const subject = repairHeaderText(message.envelope?.subject ?? '', fetched.raw, 'subject');
  log.info({ emailId, copy, internalDate, bytes, notDownloaded: fetched.notDownloaded, subject }, 'email handed off');
  return job;
}

function samePlace(a: MailboxPlace, b: MailboxPlace): boolean {
  return a.mailbox === b.mailbox && a.uidValidity === b.uidValidity && a.uid === b.uid;
}
