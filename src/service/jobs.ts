// The queues between the service's stages and what their jobs carry. One identity per email (its emailId) is the
// job id, the archive name, the ledger key and the seed of the reply's Message-ID.
import { createHash } from 'node:crypto';
import { headerBlockEnd, rawHeaderValue } from '../mail/repair-charset.ts';

export const QUEUE = {
  intake: 'intake',
  ledger: 'ledger',
  reply: 'reply',
  digest: 'digest',
} as const;

/** What the sender wrote of a message, besides its body: the servers on the way add only trace headers above these. */
const SENDER_FIELDS = ['message-id', 'from', 'date', 'subject', 'to', 'cc', 'content-type'];

/**
 * The identity of a message: the same email, however often it is fetched or delivered. A message delivered twice (a
 * sender's retry after a timeout, a forwarding loop) differs only in the trace headers each delivery adds (Received,
 * Delivered-To, Authentication-Results, a server's own X- fields), so a message with a Message-ID is known by what its
 * sender wrote: those fields and its body; one without, by all its bytes.
 */
export function emailIdOf(raw: Buffer): string {
  const hash = createHash('sha256');
  if (rawHeaderValue(raw, 'message-id') === null) return hash.update(raw).digest('hex');
  for (const name of SENDER_FIELDS) hash.update(`${name}:${rawHeaderValue(raw, name) ?? ''}\n`, 'latin1');
  return hash.update(raw.subarray(headerBlockEnd(raw))).digest('hex');
}

/** Where a message sits on the IMAP server, so the reply stage can mark or move it after answering. */
export interface MailboxPlace {
  mailbox: string;
  uidValidity: string;
  uid: number;
}

/** Queued by the poller after the raw message is archived, before its checkpoint moves. */
export interface IntakeJob {
  emailId: string;
  /** Path of the archived .eml, relative to DATA_DIR. */
  archivePath: string;
  place: MailboxPlace;
  /** IMAP INTERNALDATE, ISO-8601: the received time of record. */
  internalDate: string;
  /** Set when the body was not downloaded (too large, or refused by the server): the archive holds the header only. */
  notDownloaded?: NotDownloadedNote;
  /** Another copy of an email already queued from another place (delivered twice, or found again in a rebuilt
   *  mailbox): decided again, never answered again, filed as the first copy was once that is answered. */
  copy?: true;
}

/** The id of an intake job and of the ledger and reply jobs it leads to: the email's, or for another copy of it, the
 *  email's and the copy's place (BullMQ job ids may not hold ':'). */
export function jobIdOf(intake: Pick<IntakeJob, 'emailId' | 'place' | 'copy'>): string {
  return intake.copy ? `${intake.emailId}-${intake.place.uidValidity}-${intake.place.uid}` : intake.emailId;
}

export interface NotDownloadedNote {
  /** `oversize`: larger than the poller's cap; `refused`: the server would not give out the message body. */
  reason: 'oversize' | 'refused';
  /** RFC822.SIZE of the message on the server. */
  bytes: number;
  /** The poller's download cap at the time. */
  limitBytes: number;
  /** Attachments named in the message's structure, with their encoded sizes, so the reply can say which is too big. */
  attachments: { filename: string; bytes: number }[];
}

/** The ledger queue's jobs: `record` one verdict; `file` rebuild the spreadsheet from the state of record. */
export interface RecordJob { intake: IntakeJob; verdict: import('../types.ts').Verdict }
export interface LedgerFileJob { requestedAt: number }

/** Queued by the ledger stage once the verdict is recorded (never for ignored mail). */
export interface ReplyJob { intake: IntakeJob; verdict: import('../types.ts').Verdict }
