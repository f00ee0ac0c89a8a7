// The decision as the bot makes it, in the service and in `check` alike: the pipeline in a thread with a time limit
// per email and per attachment and a heap cap. A file the thread is stopped on is named unreadable and the email
// decided again without it; an email too large to read whole, or one the thread gives up on outside its files or
// past the email's time, is answered from its header and attachment names.
import { MAX_EMAIL_BYTES } from '../limits.ts';
import { attachmentNames } from '../mail/attachment-names.ts';
import type { Verdict } from '../types.ts';
import type { CheckOptions } from './check-email.ts';
import { checkHeaderOnly, notDownloadedReason } from './check-header-only.ts';
import type { Pipeline } from './thread/pipeline-pool.ts';
import { PipelineGaveUpError } from './thread/pipeline-runner.ts';

export interface BoundedDecision {
  verdict: Verdict;
  /** Each time the thread was stopped (for the log), in order; empty when it decided at the first try. */
  stops: string[];
  /** Why the verdict came from the header alone, or null when the pipeline decided (perhaps without some files). */
  fromHeaderBecause: string | null;
}

export async function decideBounded(
  pipeline: Pipeline, raw: Buffer, options: CheckOptions & { campaignFile?: string },
): Promise<BoundedDecision> {
  const fromHeader = async (reason: string, because: string, stops: string[]): Promise<BoundedDecision> =>
    ({ verdict: await checkHeaderOnly(raw, await attachmentNames(raw), reason, options), stops, fromHeaderBecause: because });
  if (raw.length > MAX_EMAIL_BYTES) {
    return fromHeader(notDownloadedReason({ reason: 'oversize', bytes: raw.length, limitBytes: MAX_EMAIL_BYTES }), 'oversize', []);
  }
  const request = {
    raw, receivedAt: options.receivedAt?.toISOString(), campaignFile: options.campaignFile,
    ownAddresses: [...(options.ownAddresses ?? [])], file: options.file,
  };
  // Every try shares the email's time: the first has all of it, a run stopped on a file leaves the rest to the next.
  const deadline = Date.now() + pipeline.timeLimitMs;
  const stopped: Record<number, string> = {};
  const stops: string[] = [];
  for (;;) {
    const timeLimitMs = stops.length ? deadline - Date.now() : pipeline.timeLimitMs;
    try {
      return { verdict: await pipeline.decide({ ...request, stopped }, timeLimitMs), stops, fromHeaderBecause: null };
    } catch (err) {
      if (!(err instanceof PipelineGaveUpError)) throw err;
      stops.push(err.message);
      const { attachment } = err;
      if (attachment === null || attachment in stopped || Date.now() >= deadline) return fromHeader(err.reason, err.message, stops);
      stopped[attachment] = err.reason;
    }
  }
}
