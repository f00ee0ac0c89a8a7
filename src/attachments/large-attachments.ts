// Files the sender's mail program left on its server (QQ 超大附件, NetEase 云附件, iCloud Mail Drop): over the
// provider's attachment limit the email carries an expiring download link and the file's name, not the file. A Word
// or PDF sent so still makes the email a filing, answered asking for the files attached: a county must not believe
// it filed when the bot, which fetches nothing from the internet, left its email for staff as "no attachment".
import { largeAttachmentLinksIn } from '../rules/share-link-hosts.ts';
import { printable } from '../mail/printable.ts';
import type { Email } from '../types.ts';
import { attachmentKind } from './classify.ts';
import { isPackage } from './packages.ts';

/** One large-attachment link and the file name written just before it (null where none is). */
export interface LargeAttachment { url: string; name: string | null }

/** Links read from one body: a filing sends two files; a body of thousands is no county's. */
const MAX_LINKS = 20;
/** How far before a link its file name is looked for: QQ writes it on the line above, NetEase as the link's text. */
const NAME_WINDOW = 300;
/** A file name with its extension (a letter first: "62.5M" is a size), within one line; not across the marks that set
 *  a name off in a sentence. */
const FILE_NAME = /[^\\/:*?"<>|\r\n\t：，；、《》【】[\]]+?\.[a-z][a-z0-9]{1,4}(?![a-z0-9])/gi;
/** Addresses, left out before names are looked for: a host is no file name. */
const ADDRESS = /\S*(?:https?:\/\/|www\.)\S*/gi;

/** The email's large attachments, one per link (a mail program repeats a link for its icon, name and button), named
 *  where the body names them, without those attached under the same name. */
export function largeAttachmentsOf(email: Pick<Email, 'text' | 'attachments'>): LargeAttachment[] {
  const links = largeAttachmentLinksIn(email.text, MAX_LINKS);
  const byUrl = new Map<string, string | null>();
  links.forEach((link, i) => {
    const window = email.text.slice(Math.max(links[i - 1]?.end ?? 0, link.start - NAME_WINDOW), link.start).replace(ADDRESS, ' ');
    const name = [...window.matchAll(FILE_NAME)].at(-1)?.[0].trim() ?? null;
    byUrl.set(link.url, byUrl.get(link.url) ?? (name ? printable(name) : null));
  });
  const attached = new Set(email.attachments.map((a) => a.filename));
  return [...byUrl].map(([url, name]) => ({ url, name })).filter((l) => !l.name || !attached.has(l.name));
}

/** Whether a large attachment may be the filing's Word, PDF or their archive: named so, or not named at all (a video
 *  of the resources is not). */
export function mayBeFilingFile({ name }: LargeAttachment): boolean {
  if (!name) return true;
  const file = { filename: name, contentType: '', content: Buffer.alloc(0) };
  return attachmentKind(file) !== 'other' || isPackage(file);
}
