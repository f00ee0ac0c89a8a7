// Hands a message received by the SMTP front door to Dovecot LMTP, mapping unknown recipients to the catch-all.
import { readFile } from 'node:fs/promises';
import nodemailer from 'nodemailer';

export interface LmtpTarget {
  port: number;
  /** Dovecot's passwd-file: its first field is each known mailbox address. */
  passwdFile: string;
  catchallAddress: string;
}

export interface Envelope {
  from: string;
  to: string[];
}

/** Reads the known mailbox addresses, lower-cased; read per message so new users count without a restart. */
export async function readKnownMailboxes(passwdFile: string): Promise<Set<string>> {
  const lines = (await readFile(passwdFile, 'utf8')).split('\n');
  return new Set(lines.filter((line) => line.includes(':')).map((line) => line.split(':')[0].toLowerCase()));
}

/** Each recipient that has no mailbox goes to the catch-all; duplicates collapse so nothing lands twice. */
export function mailboxRecipients(to: string[], known: Set<string>, catchallAddress: string): string[] {
  const mapped = to.map((address) => (known.has(address.toLowerCase()) ? address.toLowerCase() : catchallAddress));
  return [...new Set(mapped)];
}

/** Delivers the raw message over LMTP; throws when Dovecot refuses any recipient, so the SMTP client retries. */
export async function deliverOverLmtp(target: LmtpTarget, envelope: Envelope, raw: Buffer): Promise<string[]> {
  const known = await readKnownMailboxes(target.passwdFile);
  const recipients = mailboxRecipients(envelope.to, known, target.catchallAddress);
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: target.port,
    lmtp: true,
    secure: false,
    ignoreTLS: true,
  });
  try {
    const info = await transport.sendMail({ envelope: { from: envelope.from, to: recipients }, raw });
    if (info.rejected.length > 0) throw new Error(`LMTP refused ${info.rejected.join(', ')}`);
    return recipients;
  } finally {
    transport.close();
  }
}
