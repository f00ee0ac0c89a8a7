// The intake job as the poller queues it: the shared contract plus what it knows of an email too large to download.
import type { IntakeJob } from '../service/jobs.ts';

export interface OversizeNote {
  /** RFC822.SIZE of the message on the server. */
  bytes: number;
  /** The poller's download cap it exceeded. */
  limitBytes: number;
  /** Attachments named in the message's structure, with their encoded sizes, so the reply can say which is too big. */
  attachments: { filename: string; bytes: number }[];
}

/** When `oversize` is set the archive holds the message header only: the body was never downloaded. */
export type PolledIntakeJob = IntakeJob & { oversize?: OversizeNote };
