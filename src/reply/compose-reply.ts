// The reply as an RFC 5322 message: threaded under the county's email, marked as automatic (RFC 3834), with a
// Message-ID fixed per email so that no retry can ever produce a second, different reply.
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { domainToASCII } from 'node:url';
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
  return { raw, messageId, envelope: { from: from.address, to: [asciiDomain(reply.to)] } };
}

/** The address with its domain in punycode, as the header's is: a server without SMTPUTF8 refuses a raw UTF-8 one. */
function asciiDomain(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? address : `${address.slice(0, at + 1)}${domainToASCII(address.slice(at + 1)) || address.slice(at + 1)}`;
}
