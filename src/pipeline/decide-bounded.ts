// The decision as the bot makes it, in the service and in `check` alike: the pipeline in a thread with a time limit
// and a heap cap. An email too large to read whole, or one that thread gives up on, is answered from its header
// and attachment names.
import { MAX_EMAIL_BYTES } from '../limits.ts';
import { attachmentNames } from '../mail/attachment-names.ts';
import type { Verdict } from '../types.ts';
import type { CheckOptions } from './check-email.ts';
import { checkHeaderOnly, notDownloadedReason } from './check-header-only.ts';
import type { Pipeline } from './thread/pipeline-pool.ts';
import { PipelineGaveUpError } from './thread/pipeline-runner.ts';

export interface BoundedDecision {
  verdict: Verdict;
  /** Why the verdict came from the header alone (for the log), or null when the pipeline decided. */
  fromHeaderBecause: string | null;
}

export async function decideBounded(
  pipeline: Pipeline, raw: Buffer, options: CheckOptions & { campaignFile?: string },
): Promise<BoundedDecision> {
  if (raw.length > MAX_EMAIL_BYTES) {
    const reason = notDownloadedReason({ reason: 'oversize', bytes: raw.length, limitBytes: MAX_EMAIL_BYTES });
    return { verdict: await checkHeaderOnly(raw, await attachmentNames(raw), reason, options), fromHeaderBecause: 'oversize' };
  }
  try {
    const verdict = await pipeline.decide({
      raw, receivedAt: options.receivedAt?.toISOString(), campaignFile: options.campaignFile,
      ownAddresses: [...(options.ownAddresses ?? [])], file: options.file,
    });
    return { verdict, fromHeaderBecause: null };
  } catch (err) {
    if (!(err instanceof PipelineGaveUpError)) throw err;
    return { verdict: await checkHeaderOnly(raw, await attachmentNames(raw), err.reason, options), fromHeaderBecause: err.message };
  }
}
