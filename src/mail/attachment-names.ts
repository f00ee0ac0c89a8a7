// The names of an email's attachments (as the MIME parser decodes them), read as a stream without their contents:
// for an email too large to read whole, and for one the pipeline gave up on, whose verdict still names each file.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MailParser, type AttachmentStream, type MessageText } from 'mailparser';

export async function attachmentNames(raw: Buffer): Promise<{ filename: string }[]> {
  const names: { filename: string }[] = [];
  const parser = new MailParser({ skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true });
  parser.on('data', (part: AttachmentStream | MessageText) => {
    if (part.type !== 'attachment') return;
    names.push({ filename: part.filename ?? '' });
    // Released unread, the content is drained and dropped.
    part.release?.();
  });
  // An email the parser refuses part-way still names the attachments met before the fault.
  await pipeline(Readable.from(chunks(raw)), parser).catch(() => undefined);
  return names;
}

/** In 1 MB pieces, so the parser's back-pressure holds at most a few of them. */
function* chunks(raw: Buffer): Generator<Buffer> {
  for (let at = 0; at < raw.length; at += 1024 * 1024) yield raw.subarray(at, at + 1024 * 1024);
}
