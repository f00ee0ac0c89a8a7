// Tells what a "Word" attachment really is from its first bytes, since counties' file names and extensions lie.

export type WordFormat = 'docx' | 'ole' | 'html' | 'mhtml' | 'rtf' | 'unknown';

const ZIP = Buffer.from('PK\x03\x04', 'latin1');
const OLE = Buffer.from('d0cf11e0a1b11ae1', 'hex');
/** How far into the file to look for the start of an HTML or MIME document. */
const PROBE_BYTES = 2048;

export function sniffWordFormat(bytes: Buffer): WordFormat {
  if (bytes.subarray(0, 4).equals(ZIP)) return 'docx';
  if (bytes.subarray(0, 8).equals(OLE)) return 'ole';
  // Latin-1 keeps every byte, so GBK or UTF-16 bodies cannot break the probe; UTF-16 loses its NULs here.
  const head = bytes.subarray(0, PROBE_BYTES).toString('latin1').replace(/\0/g, '').replace(/^\ufeff|^\xef\xbb\xbf|^\xff\xfe|^\xfe\xff/, '');
  if (head.startsWith('{\\rtf')) return 'rtf';
  if (/^\s*MIME-Version:/i.test(head) && /Content-Type:\s*multipart\/related/i.test(head)) return 'mhtml';
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|meta|table|div|p)\b/i.test(head)) return 'html';
  return 'unknown';
}
