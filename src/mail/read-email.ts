// Stage "parse mail": raw .eml bytes -> the Email the rest of the pipeline reads (names and subjects repaired).
import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { Address, Attachment, Email } from '../types.ts';
import { bodyText } from './body-text.ts';
import { uuencodedFiles } from './uuencoded.ts';
import { receivedTime } from './received-time.ts';
import { repairFileName, repairHeaderText } from './repair-charset.ts';
import { printable } from './printable.ts';

export interface ReadEmailOptions {
  /** Overrides the received time (the IMAP INTERNALDATE in the service, --received in `check`). */
  receivedAt?: Date;
}

/** A signed email's signature part (S/MIME smime.p7s, OpenPGP): a mail program's, not a file the sender attached. */
const SIGNATURES = new Set(['application/pkcs7-signature', 'application/x-pkcs7-signature', 'application/pgp-signature']);

export async function readEmail(raw: Buffer, options: ReadEmailOptions = {}): Promise<Email> {
  const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  const headers = rawHeaders(parsed);
  const from = firstAddress(parsed.from, raw, 'from');
  const body = uuencodedFiles(await bodyText(parsed, raw));
  return {
    messageId: parsed.messageId ?? `<${createHash('sha256').update(raw).digest('hex').slice(0, 32)}@no-message-id>`,
    from,
    ...(addresses(parsed.replyTo)[0] ? { replyTo: addresses(parsed.replyTo)[0].address } : {}),
    to: addresses(parsed.to),
    subject: repairHeaderText(parsed.subject ?? '', raw, 'subject'),
    text: body.text,
    receivedAt: options.receivedAt ?? receivedTime(headers.received, headers.date) ?? new Date(),
    headers,
    authResults: headerValues(parsed, 'authentication-results'),
    partTypes: partTypes(raw, parsed),
    attachments: [...parsed.attachments.filter((a) => !SIGNATURES.has(a.contentType.toLowerCase())), ...body.files].map((a): Attachment => ({
      filename: attachmentFileName(a.filename ?? ''),
      contentType: a.contentType.toLowerCase(),
      content: a.content,
    })),
  };
}

/** A name as the sender's mail program meant it, printable: it is quoted in findings and replies. Old Outlook
 *  Express and some OA systems send the file's whole path (C:\\Documents and Settings\\...\\推荐表.pdf): its last part. */
export function attachmentFileName(raw: string): string {
  return printable(repairFileName(raw)).split(/[\\/]/).at(-1) ?? '';
}

/** Lower-cased name -> unfolded value of its first (topmost) occurrence. */
function rawHeaders(parsed: ParsedMail): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, line } of parsed.headerLines) {
    if (!(key in out)) out[key] = unfolded(line);
  }
  return out;
}

/** Every occurrence of one (lower-cased) header, topmost first. */
function headerValues(parsed: ParsedMail, name: string): string[] {
  return parsed.headerLines.filter(({ key }) => key === name).map(({ line }) => unfolded(line));
}

const unfolded = (line: string) => line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();

function addresses(field: AddressObject | AddressObject[] | undefined): Address[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((group) => group.value).flatMap((a) => (a.group ?? [a]))
    .filter((a) => a.address)
    .map((a) => ({ address: a.address!.toLowerCase(), name: a.name ?? '' }));
}

function firstAddress(field: AddressObject | AddressObject[] | undefined, raw: Buffer, header: string): Address | null {
  const first = addresses(field)[0];
  if (!first) return null;
  return { address: first.address, name: repairHeaderText(first.name, raw, header).replace(/\s*<[^>]*>\s*$/, '') };
}

/** Every Content-Type in the message, top level first: delivery reports show up as multipart/report parts. */
function partTypes(raw: Buffer, parsed: ParsedMail): string[] {
  const top = parsed.headers.get('content-type') as { value?: string } | undefined;
  const nested = raw.toString('latin1').match(/^content-type:\s*[^;\s]+/gim) ?? [];
  return [top?.value ?? 'text/plain', ...nested.map((h) => h.slice(h.indexOf(':') + 1).trim())]
    .map((t) => t.toLowerCase());
}
