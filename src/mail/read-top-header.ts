// An email the MIME parser refuses (a header block over its 1 MB bound, more than 1000 parts) is read from its top
// header alone, cut to what mail servers pass on, so that its verdict still names the sender and subject.
import type { Email } from '../types.ts';
import { readEmail, type ReadEmailOptions } from './read-email.ts';

/** RFC 5322's longest line, and a header block far larger than any real email's. */
const MAX_LINE = 998;
const MAX_HEADER_BYTES = 64 * 1024;

export function readTopHeader(raw: Buffer, options: ReadEmailOptions = {}): Promise<Email> {
  const text = raw.subarray(0, MAX_HEADER_BYTES).toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const lines = (end < 0 ? text : text.slice(0, end)).split(/\r?\n/).map((line) => line.slice(0, MAX_LINE));
  // latin1 both ways keeps raw 8-bit (GBK) bytes as they were.
  return readEmail(Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), options);
}
