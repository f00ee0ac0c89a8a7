// Files uuencoded into the body: Outlook Express (its "uuencode" sending format) and old OA systems put a file in the
// text as `begin 644 name` ... `end`; mailparser leaves it text. Taken out, they are the email's attachments.
import type { Attachment } from '../types.ts';

/** A block's first line (mode and name) and its last; a block never ended is not taken. */
const BEGIN = /^begin [0-7]{3,4} ([^\r\n]+)\r?\n/gm;
const END = /^end[ \t]*$/gm;
/** A block's files are attachments; a body holding more is no county's (the pipeline reads 10 files an email). */
const MAX_BLOCKS = 20;

/** The body without its uuencoded blocks, and the files they held. Each block's end is looked for once, from its
 *  begin on: a body of begins with no end costs one pass, not one per begin. */
export function uuencodedFiles(text: string): { text: string; files: Attachment[] } {
  const files: Attachment[] = [];
  let rest = '';
  let from = 0;
  while (files.length < MAX_BLOCKS) {
    BEGIN.lastIndex = from;
    const begin = BEGIN.exec(text);
    if (!begin) break;
    END.lastIndex = BEGIN.lastIndex;
    const end = END.exec(text);
    if (!end) break;
    files.push({ filename: begin[1].trim(), contentType: 'application/octet-stream', content: uudecode(text.slice(BEGIN.lastIndex, end.index)) });
    rest += text.slice(from, begin.index);
    from = END.lastIndex;
  }
  return { text: rest + text.slice(from), files };
}

/** Each line: a length character, then four characters for each three bytes (each character 32 + six bits, '`'
 *  for zero); a line of length zero ends the data. A character past the line's end reads as zero. */
function uudecode(lines: string): Buffer {
  const out = Buffer.alloc(Math.ceil((lines.length * 3) / 4));
  let size = 0;
  const sixBits = (line: string, at: number) => (line.charCodeAt(at) - 32) & 63;
  for (const line of lines.split('\n')) {
    const length = sixBits(line, 0);
    if (length === 0) break;
    for (let i = 0, at = 1; i < length; i += 3, at += 4) {
      const n = (sixBits(line, at) << 18) | (sixBits(line, at + 1) << 12) | (sixBits(line, at + 2) << 6) | sixBits(line, at + 3);
      out[size++] = n >> 16;
      if (i + 1 < length) out[size++] = (n >> 8) & 255;
      if (i + 2 < length) out[size++] = n & 255;
    }
  }
  return out.subarray(0, size);
}
