// Stage "verdict": the object the contract names, from a decided submission (or an ignore finding).
import { replyFor } from '../reply/render-reply.ts';
import { formatInZone } from '../time/zoned.ts';
import type { Campaign, Email, Finding, StampFinding, Verdict } from '../types.ts';
import { countBySection, toResources } from '../validate/resources.ts';
import type { Submission } from '../validate/submission.ts';
import type { Decided } from './decide.ts';

/** `own`: the bot's own addresses (ownAddresses), which the reply never goes to. */
export function submissionVerdict(submission: Submission, decided: Decided, stamps: StampFinding[], own: readonly string[], file?: string): Verdict {
  const { campaign, email, unit, header } = submission;
  const verdict: Verdict = {
    ...(file === undefined ? {} : { file }),
    messageId: email.messageId,
    from: email.from?.address ?? '',
    subject: email.subject,
    decision: decided.decision,
    unit: unit?.unit.name ?? null,
    filer: unit?.filer ?? null,
    form: header,
    receivedAt: formatInZone(email.receivedAt, campaign.deadline.timeZone),
    errors: decided.errors,
    warnings: decided.warnings,
    resources: toResources(campaign, submission.rows),
    countsBySection: countBySection(campaign, submission.rows),
    stamps,
    reply: null,
  };
  return { ...verdict, reply: replyFor(campaign, email, verdict, own) };
}

export function ignoreVerdict(campaign: Campaign, email: Email, why: Finding, file?: string): Verdict {
  return {
    ...(file === undefined ? {} : { file }),
    messageId: email.messageId,
    from: email.from?.address ?? '',
    subject: email.subject,
    decision: 'ignore',
    unit: null,
    filer: null,
    form: null,
    receivedAt: formatInZone(email.receivedAt, campaign.deadline.timeZone),
    errors: [],
    warnings: [why],
    resources: [],
    countsBySection: {},
    stamps: [],
    reply: null,
  };
}
