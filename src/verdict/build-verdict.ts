// Stage "verdict": the object the contract names, from a decided submission (or an ignore finding).
import { replyFor } from '../reply/render-reply.ts';
import { formatInZone } from '../time/zoned.ts';
import type { Campaign, Email, Finding, StampFinding, Verdict } from '../types.ts';
import { countBySection, toResources } from '../validate/resources.ts';
import { shareLinksOf } from '../validate/share-links.ts';
import type { Submission } from '../validate/submission.ts';
import type { Decided } from './decide.ts';

/** `own`: the bot's own addresses (ownAddresses), which the reply never goes to. */
export function submissionVerdict(submission: Submission, decided: Decided, stamps: StampFinding[], own: readonly string[], file?: string): Verdict {
  const { campaign, email, unit, header } = submission;
  const resources = toResources(campaign, submission.rows);
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
    resources,
    countsBySection: countBySection(campaign, submission.rows),
    stamps,
    shareLinks: shareLinksOf(campaign, email.text, resources),
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
    // A unit may send its 网盘 link in an email of its own, which is no filing: staff still find it in the ledger.
    shareLinks: shareLinksOf(campaign, email.text, []),
    reply: null,
  };
}
