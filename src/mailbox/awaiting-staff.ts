// Whether an email the bot could not answer still waits for staff: once they reply from their mail client it is
// flagged \Answered (RFC 3501), and one they deleted or moved away is no longer where the poller found it.
import type { ImapFlow } from 'imapflow';
import type { MailboxPlace } from '../service/jobs.ts';

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
