// Files a county packed instead of attaching them: the Word and PDF in a .zip, or the filing forwarded as an attached
// email (a mail program's "forward as attachment"). Their Word and PDF files are read as if attached, named with the
// package they came in, and so are those Outlook wrapped in its winmail.dat. A package the bot cannot open (RAR, 7z,
// an encrypted email) still marks the email as a filing, returned with what to send instead: a county must not
// believe it filed when it did not.
import { simpleParser } from 'mailparser';
import { openBoundedZip, ZipRefused } from '../files/bounded-zip.ts';
import { filesInTnef, isTnef } from '../files/tnef.ts';
import { MAX_ATTACHMENT_BYTES, MAX_FILES_READ } from '../limits.ts';
import { decodeChineseBytes } from '../mail/repair-charset.ts';
import { attachmentFileName } from '../mail/read-email.ts';
import type { Attachment } from '../types.ts';
import { attachmentKind, extensionOf } from './classify.ts';

const ZIP_TYPES = ['application/zip', 'application/x-zip-compressed', 'application/x-zip'];
/** Archives and wrappers of attachments this bot does not open. */
const CLOSED_EXTENSIONS = ['.rar', '.7z', '.tar', '.gz', '.tgz', '.bz2', '.xz', '.zipx', '.cab', '.arj', '.lzh', '.p7m'];
const CLOSED_TYPES = ['application/x-rar', 'application/vnd.rar', 'application/x-7z', 'application/ms-tnef',
  'application/vnd.ms-tnef', 'application/pkcs7-mime', 'application/x-pkcs7-mime', 'application/gzip', 'application/x-tar'];
const MAC_FORK = /(^|\/)(__MACOSX\/|\._)/;
/** An encoded email attached to an email attached to an email is opened this deep (mailparser itself reads through
 *  8-bit ones, handing each nested email over as an attachment of the outer one). */
const MAX_DEPTH = 3;

const isZip = (a: Attachment) => extensionOf(a.filename) === '.zip' || (extensionOf(a.filename) === '' && ZIP_TYPES.includes(a.contentType));
const isEmail = (a: Attachment) => a.contentType === 'message/rfc822' || extensionOf(a.filename) === '.eml';

/** An archive (or an encrypted email) that may hold a filing's files, opened or not: it makes the email a filing, to
 *  be answered. An attached email is not one: opened, it shows what it holds; holding no Word or PDF file it is a
 *  message passed on (a question forwarded), not a filing. */
export function isPackage(a: Attachment): boolean {
  return isZip(a) || CLOSED_EXTENSIONS.includes(extensionOf(a.filename))
    || a.filename.toLowerCase() === 'winmail.dat' || CLOSED_TYPES.some((t) => a.contentType.startsWith(t));
}

/** The files of a filing: as attached, or where no Word or PDF file is attached, the files packed in its packages.
 *  Beside an attached table a package is something else (the resources themselves, an earlier email), not opened. */
export function filingFiles(attachments: Attachment[]): Promise<Attachment[]> {
  const attached = attachments.some((a) => attachmentKind(a) !== 'other');
  return attached ? Promise.resolve(attachments) : unpackAttachments(attachments);
}

/** The attachments with every package that can be opened replaced by the files in it (a package holding none stays). */
async function unpackAttachments(attachments: Attachment[], depth = 0): Promise<Attachment[]> {
  const out: Attachment[] = [];
  for (const a of attachments) {
    const inside = depth < MAX_DEPTH ? await filesIn(a, depth) : [];
    out.push(...(inside.length ? inside : [a]));
  }
  return out;
}

async function filesIn(a: Attachment, depth: number): Promise<Attachment[]> {
  if (isZip(a)) return filesInZip(a);
  if (isTnef(a.content)) return filesInWinmail(a);
  if (!isEmail(a)) return [];
  const forwarded = await simpleParser(a.content, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true }).catch(() => null);
  if (!forwarded) return [];
  const files = forwarded.attachments.map((f): Attachment => ({
    filename: `${a.filename}/${attachmentFileName(f.filename ?? '')}`, contentType: f.contentType.toLowerCase(), content: f.content,
  }));
  return unpackAttachments(files, depth + 1);
}

/** The Word and PDF files of an Outlook winmail.dat, named as Outlook gave them (one more than is read, as of a zip). */
function filesInWinmail(a: Attachment): Attachment[] {
  return filesInTnef(a.content)
    .map((f): Attachment => ({ filename: `${a.filename}/${attachmentFileName(f.name)}`, contentType: 'application/octet-stream', content: f.content }))
    .filter((f) => attachmentKind(f) !== 'other')
    .slice(0, MAX_FILES_READ + 1);
}

/** The Word and PDF files of a zip (its other files are not the filing's); none from a zip refused as a bomb,
 *  encrypted or corrupt, which is then answered as the package it is. */
async function filesInZip(a: Attachment): Promise<Attachment[]> {
  try {
    const zip = await openBoundedZip(a.content, { rawNames: true });
    const files: Attachment[] = [];
    for (const [rawName, entry] of zip.entries) {
      const path = decodeChineseBytes(rawName as Buffer);
      const name = attachmentFileName(path.split('/').pop() ?? '');
      const file: Attachment = { filename: `${a.filename}/${name}`, contentType: 'application/octet-stream', content: Buffer.alloc(0) };
      // A Mac's zip carries a resource-fork twin of each file (__MACOSX/._name): not the file.
      if (!name || MAC_FORK.test(path) || entry.uncompressedSize > MAX_ATTACHMENT_BYTES || attachmentKind(file) === 'other') continue;
      files.push({ ...file, content: await zip.inflate(entry) });
      // One more than is read names the rest as not read (read-attachments.ts).
      if (files.length > MAX_FILES_READ) break;
    }
    return files;
  } catch (err) {
    if (err instanceof ZipRefused) return [];
    throw err;
  }
}
