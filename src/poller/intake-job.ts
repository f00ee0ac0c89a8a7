// The intake job as the poller queues it: the shared contract plus what it knows of an email it could not download.
import type { IntakeJob } from '../service/jobs.ts';

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

/** When `notDownloaded` is set the archive holds the message header only: the body was never downloaded. */
export type PolledIntakeJob = IntakeJob & { notDownloaded?: NotDownloadedNote };
