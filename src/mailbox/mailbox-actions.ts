// What the bot does in the city mailbox after answering: a copy of the reply in Sent, and the county's email marked
// (a keyword) and filed (已受理 / 已退回) where staff see it in webmail. Only ever after the reply was sent.
import type { ImapFlow } from 'imapflow';
import type { MailboxPlace } from '../service/jobs.ts';

/** Folder and IMAP keyword per decision; keywords are ASCII atoms (RFC 3501), folders are what staff read. */
const FILING = {
  accept: { folder: '已受理', keyword: '$IntakeAccepted' },
  reject: { folder: '已退回', keyword: '$IntakeReturned' },
} as const;

/** Appends the sent reply to the special-use Sent folder (RFC 6154), read, as a mail client would. */
export async function appendToSent(client: ImapFlow, raw: Buffer): Promise<void> {
  const folders = await client.list();
  const sent = folders.find((f) => f.specialUse === '\\Sent') ?? folders.find((f) => /^(sent|sent messages|已发送)$/i.test(f.name));
  await client.append(sent?.path ?? 'Sent', raw, ['\\Seen']);
}

/**
 * Marks and files the county's email. Returns false when it is no longer where the poller found it (moved by staff,
 * or the mailbox was rebuilt under a new UIDVALIDITY): nothing is then touched.
 */
export async function fileOriginal(client: ImapFlow, place: MailboxPlace, decision: 'accept' | 'reject'): Promise<boolean> {
  const { folder, keyword } = FILING[decision];
  const lock = await client.getMailboxLock(place.mailbox);
  try {
    const mailbox = client.mailbox;
    if (!mailbox || String(mailbox.uidValidity) !== place.uidValidity) return false;
    const uid = String(place.uid);
    await catchUp(client);
    const found = await client.search({ uid }, { uid: true });
    if (!found || found.length === 0) return false;
    await client.messageFlagsAdd(uid, [keyword], { uid: true });
    if (!(await client.list()).some((f) => f.path === folder)) await client.mailboxCreate(folder);
    await client.messageMove(uid, folder, { uid: true });
    return true;
  } finally {
    lock.release();
  }
}

/** A session that selected the mailbox before an email arrived is not told of it, and the server finds no such UID
 *  for it (Dovecot), until the server reports new mail: at a NOOP (RFC 3501 6.1.2). The session is kept open between
 *  replies, so a copy of an email delivered after the first was answered was never filed. */
export async function catchUp(client: ImapFlow): Promise<void> {
  await client.noop();
}
