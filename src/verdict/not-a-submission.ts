// Mail that is not a filing is left for staff: the mailbox is shared with the bureau's other business.
import { finding } from '../messages/catalogue.ts';
import { nameKey } from '../rules/normalize.ts';
import type { Campaign, Email, Finding } from '../types.ts';

/** Before reading attachments: no Word or PDF file at all, nor an archive that may hold them (a question, a chat), is
 *  never a filing. */
export function withoutFiles(filingFileCount: number): Finding | null {
  return filingFileCount === 0 ? finding('NOT_A_SUBMISSION', { reason: '邮件没有Word或PDF附件' }) : null;
}

/** After reading: nothing ties the email to the campaign, neither its words nor a recommendation table. */
export function unrelated(campaign: Campaign, email: Email, holdsTable: boolean): Finding | null {
  if (holdsTable) return null;
  const haystack = nameKey([email.subject, email.text, ...email.attachments.map((a) => a.filename)].join(' '));
  if (campaign.campaignWords.some((w) => haystack.includes(nameKey(w)))) return null;
  return finding('NOT_A_SUBMISSION', { reason: '邮件与本次征集无关（未提及征集，附件中也没有推荐表）' });
}
