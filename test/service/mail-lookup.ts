// What the tests read back from the local IMAP server: messages by header across mailboxes, and clean-up after a run.
import { ImapFlow } from 'imapflow';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { ServiceAccount, ServicesEnv } from '../../scripts/services/services-env.ts';

export interface FoundMessage {
  /** Address of the mailbox it was found in. */
  account: string;
  folder: string;
  uid: number;
  flags: Set<string>;
  /** When the server took it in (IMAP INTERNALDATE, whole seconds). */
  receivedAt: Date;
  mail: ParsedMail;
}

export async function openAccount(env: ServicesEnv, account: ServiceAccount): Promise<ImapFlow> {
  const client = new ImapFlow({
    ...env.imap, secure: false, doSTARTTLS: false, auth: { user: account.address, pass: account.password },
    logger: false, disableAutoIdle: true,
  });
  await client.connect();
  return client;
}

export async function withAccount<T>(env: ServicesEnv, account: ServiceAccount, work: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = await openAccount(env, account);
  try {
    return await work(client);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** Messages of one folder whose header `name` contains `value` (IMAP SEARCH HEADER is a substring match). */
export async function searchFolder(client: ImapFlow, account: string, folder: string, name: string, value: string): Promise<FoundMessage[]> {
  if (!(await client.list()).some((f) => f.path === folder)) return [];
  const lock = await client.getMailboxLock(folder);
  try {
    const uids = await client.search({ header: { [name]: value } }, { uid: true });
    if (!uids || uids.length === 0) return [];
    const found: FoundMessage[] = [];
    for await (const message of client.fetch(uids, { uid: true, flags: true, internalDate: true, source: true }, { uid: true })) {
      const receivedAt = new Date(message.internalDate ?? 0);
      found.push({ account, folder, uid: message.uid, flags: message.flags ?? new Set(), receivedAt, mail: await simpleParser(message.source!) });
    }
    return found;
  } finally {
    lock.release();
  }
}

/** Every mailbox a reply can land in: the local county senders and the catch-all, never the city's own. */
function recipientAccounts(env: ServicesEnv): ServiceAccount[] {
  return env.accounts.filter((a) => a.address !== env.city.address);
}

/**
 * Replies found in the recipients' inboxes whose In-Reply-To contains `tag`, grouped by their exact In-Reply-To.
 * A run's fresh Message-IDs all carry its tag, so one search per mailbox finds every reply of the run.
 */
export async function repliesByOriginal(env: ServicesEnv, tag: string): Promise<Map<string, FoundMessage[]>> {
  const byOriginal = new Map<string, FoundMessage[]>();
  for (const account of recipientAccounts(env)) {
    const found = await withAccount(env, account, (c) => searchFolder(c, account.address, 'INBOX', 'In-Reply-To', tag));
    for (const reply of found) {
      const original = reply.mail.inReplyTo ?? '';
      byOriginal.set(original, [...(byOriginal.get(original) ?? []), reply]);
    }
  }
  return byOriginal;
}

/** The city mailbox's copy of each email in `folder` whose Message-ID contains `tag`. */
export async function cityMessages(env: ServicesEnv, folder: string, tag: string, header = 'Message-ID'): Promise<FoundMessage[]> {
  return withAccount(env, env.city, (c) => searchFolder(c, env.city.address, folder, header, tag));
}

/** Deletes the messages of `folder` whose header `header` contains `tag`. */
export async function deleteWhere(client: ImapFlow, folder: string, header: string, tag: string): Promise<void> {
  if (!(await client.list()).some((f) => f.path === folder)) return;
  const lock = await client.getMailboxLock(folder);
  try {
    const uids = await client.search({ header: { [header]: tag } }, { uid: true });
    if (uids && uids.length) await client.messageDelete(uids, { uid: true });
  } finally {
    lock.release();
  }
}

/** Removes what a run left in shared folders: its originals filed by the bot, its replies and their Sent copies. */
export async function removeRunMail(env: ServicesEnv, tag: string): Promise<void> {
  await withAccount(env, env.city, async (c) => {
    for (const folder of ['已受理', '已退回']) await deleteWhere(c, folder, 'Message-ID', tag);
    await deleteWhere(c, 'Sent', 'In-Reply-To', tag);
  });
  for (const account of recipientAccounts(env)) {
    await withAccount(env, account, (c) => deleteWhere(c, 'INBOX', 'In-Reply-To', tag));
  }
}
