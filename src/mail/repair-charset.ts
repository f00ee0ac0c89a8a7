// Chinese mail as it really comes: raw 8-bit GBK in headers that mailparser reads as UTF-8 (U+FFFD) or Latin-1.
import iconv from 'iconv-lite';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const ENCODED_WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;

/** UTF-8 when the bytes are valid UTF-8, else GB18030 (a superset of GBK and GB2312). */
export function decodeChineseBytes(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return iconv.decode(bytes, 'gb18030');
  }
}

/** The raw, unfolded value of the first header `name` in the message's header block, as Latin-1 (byte-exact). */
export function rawHeaderValue(raw: Buffer, name: string): string | null {
  const end = headerBlockEnd(raw);
  const block = raw.subarray(0, end).toString('latin1').replace(/\r?\n[ \t]+/g, ' ');
  const match = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(block);
  return match ? match[1].trim() : null;
}

/** Where the header block ends (the blank line), or the end of a message that is all header. */
export function headerBlockEnd(raw: Buffer): number {
  const crlf = raw.indexOf('\r\n\r\n');
  const lf = raw.indexOf('\n\n');
  const ends = [crlf, lf].filter((i) => i >= 0);
  return ends.length ? Math.min(...ends) : raw.length;
}

/** Re-decode a header that mailparser turned into U+FFFD, from its raw bytes. */
export function repairHeaderText(decoded: string, raw: Buffer, name: string): string {
  if (!decoded.includes('\ufffd')) return decoded;
  const value = rawHeaderValue(raw, name);
  if (value === null) return decoded;
  const bytes = (text: string) => Buffer.from(text, 'latin1');
  if (!ENCODED_WORD.test(value)) return decodeChineseBytes(bytes(value)).trim();
  return value.replace(/\?=\s+=\?/g, '?==?').replace(ENCODED_WORD, (_all, _charset, kind: string, payload: string) => {
    const data = kind.toUpperCase() === 'B'
      ? Buffer.from(payload, 'base64')
      : bytes(payload.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))));
    return decodeChineseBytes(data);
  });
}

/** A file name sent as raw 8-bit bytes comes out of mailparser as Latin-1 mojibake (`Æ½½­ÏØ...`); undo that. */
export function repairFileName(name: string): string {
  if (!/[\u0080-\u00ff]/.test(name) || /[^\u0000-\u00ff]/.test(name)) return name;
  const repaired = decodeChineseBytes(Buffer.from(name, 'latin1'));
  return repaired.includes('\ufffd') ? name : repaired;
}
