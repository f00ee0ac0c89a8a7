// The reply as an RFC 5322 message: threaded under the county's email, marked as automatic (RFC 3834), with a
// Message-ID fixed per email so that no retry can ever produce a second, different reply.
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { Email, Reply } from '../types.ts';

export interface ComposedReply { raw: Buffer; messageId: string; envelope: { from: string; to: string[] } }

export async function composeReply(email: Email, reply: Reply, from: { address: string; name: string }, emailId: string): Promise<ComposedReply> {
  const domain = from.address.split('@')[1] ?? 'localhost';
  const messageId = `<reply.${emailId.slice(0, 40)}@${domain}>`;
  const references = [...(email.headers.references?.match(/<[^<>\s]+>/g) ?? []), email.messageId].slice(-20);
  const mail = new MailComposer({
    from: { name: from.name, address: from.address },
    to: reply.to,
    subject: reply.subject,
    text: reply.text,
    html: reply.html,
    messageId,
    inReplyTo: email.messageId,
    references,
    headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All', Precedence: 'auto_reply' },
  });
  const raw = await mail.compile().build();
  return { raw, messageId, envelope: { from: from.address, to: [reply.to] } };
}
