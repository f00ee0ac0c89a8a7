// Which attachments are the Word table and the stamped PDF: by name first, then declared type, then magic bytes.
import type { Attachment } from '../types.ts';

export type AttachmentKind = 'word' | 'pdf' | 'other';

const WORD_EXTENSIONS = ['.docx', '.doc', '.wps', '.docm', '.dotx', '.dot', '.wpt'];
const WORD_TYPES = ['application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml',
  'application/vnd.ms-word', 'application/kswps', 'application/wps-office.doc', 'application/vnd.ms-works'];
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** A file name's extension, lower-cased with its dot ('' for none). */
export function extensionOf(filename: string): string {
  return /\.[a-z0-9]+$/.exec(filename.toLowerCase().trim())?.[0] ?? '';
}

export function attachmentKind(attachment: Attachment): AttachmentKind {
  const extension = extensionOf(attachment.filename);
  if (extension === '.pdf') return 'pdf';
  if (WORD_EXTENSIONS.includes(extension)) return 'word';
  if (attachment.contentType === 'application/pdf') return 'pdf';
  if (WORD_TYPES.some((t) => attachment.contentType.startsWith(t))) return 'word';
  // A name without a known extension ("附件1", "推荐表.") is judged by its bytes; other extensions are what they say.
  if (extension && extension !== '.') return 'other';
  const head = attachment.content.subarray(0, 1024);
  if (head.includes('%PDF-')) return 'pdf';
  if (head.subarray(0, 4).equals(OLE_MAGIC) || attachment.content.includes('word/document.xml')) return 'word';
  return 'other';
}
