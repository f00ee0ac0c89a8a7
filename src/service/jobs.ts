// The queues between the service's stages and what their jobs carry. One identity per email (its emailId) is the
// job id, the archive name, the ledger key and the seed of the reply's Message-ID.
import { createHash } from 'node:crypto';

export const QUEUE = {
  intake: 'intake',
  ledger: 'ledger',
  reply: 'reply',
  digest: 'digest',
} as const;

/** The content address of a raw message: the same bytes are the same email, however often they are fetched. */
export function emailIdOf(raw: Buffer): string {
  return createHash('sha256').update(raw).digest('hex');
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
