// The email's body as text, whatever the mail program made of it: plain text, HTML alone beside the attachments,
// or Chinese text that names no charset.
import { htmlToText } from 'html-to-text';
import { Splitter, type MimeNode, type SplitterChunk } from '@zone-eu/mailsplit';
import type { ParsedMail } from 'mailparser';
import type { Transform } from 'node:stream';
import { finished } from 'node:stream/promises';
import { decodeChineseBytes } from './repair-charset.ts';

/** The body's text: its plain text, else its HTML's; a body that came out as U+FFFD is read again from its bytes. */
export async function bodyText(parsed: ParsedMail, raw: Buffer): Promise<string> {
  const text = parsed.text?.trim() ? parsed.text : bodyOfHtml(parsed.html);
  if (!text.includes('\ufffd')) return text;
  const parts = await undeclaredCharsetParts(raw);
  const plain = parts.filter((p) => p.type === 'text/plain').map((p) => p.text).join('\n');
  const html = parts.filter((p) => p.type === 'text/html').map((p) => p.text).join('\n');
  return plain.trim() ? plain : html ? bodyOfHtml(html) : text;
}

/** An HTML-only body's text: mailparser converts HTML only where it is the whole email, and a mail program's
 *  HTML body beside its attachments holds the county's words, its 网盘 links and large-attachment links. Its first
 *  200,000 characters are read (a county's body is some 20,000): the conversion's time grows faster than the nesting
 *  (40,000 nested tags 1.7 s, 200,000 took 28 s). */
const MAX_HTML_READ = 200_000;

function bodyOfHtml(html: string | false | undefined): string {
  return html ? htmlToText(html.slice(0, MAX_HTML_READ), { wordwrap: false, limits: { maxDepth: 1000 } }) : '';
}

interface TextPart { type: 'text/plain' | 'text/html'; text: string }

/** The inline text parts that name no charset, decoded as UTF-8 where they are valid UTF-8, else as GB18030:
 *  mailparser reads them as UTF-8, and Foxmail, old Outlook and OA systems send GBK so. */
async function undeclaredCharsetParts(raw: Buffer): Promise<TextPart[]> {
  const splitter = new Splitter();
  const parts: Promise<TextPart>[] = [];
  let decoder: Transform | null = null;
  splitter.on('data', (data: SplitterChunk) => {
    if (data.type === 'body') {
      decoder?.write(data.value);
      return;
    }
    decoder?.end();
    decoder = null;
    const type = data.type === 'node' ? textType(data) : null;
    if (data.type === 'node' && type) {
      const partDecoder = data.getDecoder();
      decoder = partDecoder;
      parts.push(bytesOf(partDecoder).then((bytes) => ({ type, text: decodeChineseBytes(bytes) })));
    }
  });
  splitter.end(raw);
  await finished(splitter);
  (decoder as Transform | null)?.end();
  return Promise.all(parts);
}

/** The node's text type where it is inline body text that names no charset (a message without a Content-Type is
 *  plain text), else null. */
function textType(node: MimeNode): TextPart['type'] | null {
  const type = node.contentType || (node.root ? 'text/plain' : '');
  if (type !== 'text/plain' && type !== 'text/html') return null;
  return node.charset || node.disposition === 'attachment' ? null : type;
}

function bytesOf(stream: Transform): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => chunks.push(chunk)).once('end', () => resolve(Buffer.concat(chunks))).once('error', reject);
  });
}
