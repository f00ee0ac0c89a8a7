// Whether an email the bot could not answer still waits for staff: once they reply from their mail client it is
// flagged \Answered (RFC 3501), and one they deleted or moved away is no longer where the poller found it.
import type { ImapFlow } from 'imapflow';
import type { MailboxPlace } from '../service/jobs.ts';
import { catchUp } from './mailbox-actions.ts';

/** One answer per place, in order. A place that cannot be judged (no place, a mailbox rebuilt under a new
 *  UIDVALIDITY) counts as waiting: naming an email twice is better than dropping one nobody answered. */
export async function awaitingStaff(client: ImapFlow, places: readonly (MailboxPlace | undefined)[]): Promise<boolean[]> {
  const waiting = places.map(() => true);
  const byMailbox = new Map<string, { p: MailboxPlace; k: number }[]>();
  places.forEach((p, k) => {
    if (p) byMailbox.set(p.mailbox, [...(byMailbox.get(p.mailbox) ?? []), { p, k }]);
  });
  for (const [mailbox, here] of byMailbox) {
    const lock = await client.getMailboxLock(mailbox, { readOnly: true });
    try {
      const current = here.filter(({ p }) => String(client.mailbox ? client.mailbox.uidValidity : '') === p.uidValidity);
      if (current.length === 0) continue;
      await catchUp(client);
      const open = new Set<number>();
      for await (const m of client.fetch(current.map(({ p }) => p.uid).join(','), { uid: true, flags: true }, { uid: true })) {
        if (!m.flags?.has('\\Answered') && !m.flags?.has('\\Deleted')) open.add(m.uid);
      }
      for (const { p, k } of current) waiting[k] = open.has(p.uid);
    } finally {
      lock.release();
    }
  }
  return waiting;
}

/** Whether staff answered the email from their mail client (flagged \Answered); false where that cannot be told (no
 *  longer there, a mailbox rebuilt under a new UIDVALIDITY): answering twice is better than not at all. */
export async function answeredByStaff(client: ImapFlow, place: MailboxPlace): Promise<boolean> {
  const lock = await client.getMailboxLock(place.mailbox, { readOnly: true });
  try {
    if (String(client.mailbox ? client.mailbox.uidValidity : '') !== place.uidValidity) return false;
    await catchUp(client);
    const found = await client.fetchOne(String(place.uid), { uid: true, flags: true }, { uid: true });
    return Boolean(found && found.flags?.has('\\Answered'));
  } finally {
    lock.release();
  }
}
