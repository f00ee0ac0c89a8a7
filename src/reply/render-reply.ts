// Stage "reply": the Chinese acknowledgement or return notice for a verdict, as plain text and HTML.
import { readFileSync } from 'node:fs';
import Mustache from 'mustache';
import type { Campaign, Email, Finding, Reply, ShareLink, Verdict } from '../types.ts';
import { shareLinkLabel } from '../validate/share-links.ts';
import { formatDay, formatForPeople } from '../time/zoned.ts';
import { projectFile } from '../project-files.ts';
import { printable } from '../mail/printable.ts';

type Kind = 'accepted' | 'returned';
const SUBJECT_MARK: Record<Kind, string> = { accepted: '【已受理】', returned: '【退回】' };
/** The marks of earlier answers, with the reply and forward prefixes of a county answering one ("回复：【退回】..."). */
const EARLIER_MARKS = /^((回复|答复|转发|re|fw|fwd|aw|wg)\s*[:：]\s*|【(已受理|已?退回)】\s*)*(?=.)/i;

/** Characters of the sender's subject quoted back: a subject may run to thousands (the answer's subject line and
 *  its first paragraph would), and the county knows its own email by the beginning. */
const QUOTED_SUBJECT_CHARS = 100;

const templates = new Map<string, string>();
function template(kind: Kind, ext: 'txt' | 'html'): string {
  const name = `reply-${kind}.${ext}`;
  if (!templates.has(name)) {
    templates.set(name, readFileSync(projectFile('templates', name), 'utf8'));
  }
  return templates.get(name)!;
}

type Decided = Pick<Verdict, 'unit' | 'form' | 'errors' | 'warnings' | 'countsBySection' | 'shareLinks'>;

/** The reply a verdict calls for: the same function whether the verdict is fresh or amended by the ledger; `own`: the
 *  bot's own addresses (ownAddresses in mail/auto-generated.ts). */
export function replyFor(campaign: Campaign, email: Email, verdict: Decided, own: readonly string[]): Reply {
  const unit = campaign.units.find((u) => u.name === verdict.unit);
  return renderReply({
    campaign, email, own,
    salutation: verdict.form?.unit || verdict.unit || email.from?.name || '您好',
    quota: unit?.quota ?? null,
    errors: verdict.errors, warnings: verdict.warnings, countsBySection: verdict.countsBySection,
    shareLinks: verdict.shareLinks ?? [],
  });
}

interface ReplyInput {
  campaign: Campaign;
  email: Email;
  own: readonly string[];
  /** How to address the county: the form's 填表单位, else the unit, else the sender's name. */
  salutation: string;
  quota: number | null;
  errors: Finding[];
  warnings: Finding[];
  countsBySection: Record<string, number>;
  shareLinks: ShareLink[];
}

function renderReply(input: ReplyInput): Reply {
  const { campaign, email } = input;
  const kind: Kind = input.errors.length ? 'returned' : 'accepted';
  // Accepted from an address not registered for the unit, it leaves the unit's filing current (in an accepted reply
  // ACCEPTED_FILING_STANDS is that case alone): the reply says so once, in that warning, and does not call it
  // accepted as the unit's filing, nor ask for corrections by answering from the same address.
  const pending = kind === 'accepted' && input.warnings.some((w) => w.code === 'ACCEPTED_FILING_STANDS');
  const warnings = pending ? input.warnings.filter((w) => w.code !== 'UNREGISTERED_SENDER') : input.warnings;
  const numbered = (list: Finding[]) => list.map((f, i) => ({ n: i + 1, message: f.message }));
  // Text from the email never carries a line break into a header (no header injection).
  const originalSubject = clipped(printable(email.subject), QUOTED_SUBJECT_CHARS) || campaign.form.title;
  const subject = `${SUBJECT_MARK[kind]}${originalSubject.replace(EARLIER_MARKS, '')}`;
  const view = {
    title: subject,
    salutation: input.salutation,
    received: formatForPeople(email.receivedAt, campaign.deadline.timeZone),
    subject: originalSubject,
    total: Object.values(input.countsBySection).reduce((a, b) => a + b, 0),
    quota: input.quota ?? '-',
    sections: Object.entries(input.countsBySection).map(([name, count]) => ({ name, count })),
    errors: numbered(input.errors),
    errorCount: input.errors.length,
    warnings: numbered(warnings),
    hasWarnings: warnings.length > 0,
    pending,
    // File names are printable from the start (attachmentFileName, as the email is read).
    files: email.attachments.map((a) => `《${a.filename}》`).join('、') || '无',
    // The county can see at once a link or code the bot read wrong (or that it forgot to give one).
    hasLinks: input.shareLinks.length > 0,
    links: input.shareLinks.map(shareLinkLabel),
    deadline: `${formatDay(campaign.deadline.date)}24:00`,
    // A late filing is not asked to send again before a deadline already past (its message says whom to ask).
    canResend: !input.errors.some((e) => e.code === 'LATE'),
    collector: campaign.collector.name,
    contacts: campaign.collector.contacts.join('、'),
    phone: campaign.collector.phone,
  };
  const plain = { escape: (value: unknown) => String(value) };
  return {
    to: recipient(email, input.own),
    subject,
    text: Mustache.render(template(kind, 'txt'), view, {}, plain),
    html: Mustache.render(template(kind, 'html'), view),
  };
}

/**
 * The From, not a Reply-To: an automatic answer goes back to its sender (RFC 3834 would have it go to the envelope
 * sender, of which the From is the mailbox's record), as anyone can write any Reply-To, and the answer (which quotes
 * the subject, and counts against its address's hourly limit) must not go wherever a stranger points it. But a
 * no-reply From (an OA system relaying a person's email: oa-noreply@xiangyin.gov.cn) reads no answer: there the
 * Reply-To, which points the answer no further than a forged From could. Never one of the bot's own addresses.
 */
function recipient(email: Email, own: readonly string[]): string {
  const from = email.from?.address ?? '';
  const ours = (address: string) => own.includes(address.toLowerCase());
  if (NO_REPLY.test(from.split('@')[0]) && email.replyTo && !ours(email.replyTo)) return email.replyTo;
  return from && !ours(from) ? from : '';
}

/** The local part of an address that reads no mail. */
const NO_REPLY = /(^|[^a-z])(no[-_]?reply|do[-_]?not[-_]?reply)(?![a-z])/i;

/** The first `limit` characters of `text` (whole code points), with an ellipsis when some were left off. */
function clipped(text: string, limit: number): string {
  const chars = [...text];
  return chars.length > limit ? `${chars.slice(0, limit).join('')}…` : text;
}
