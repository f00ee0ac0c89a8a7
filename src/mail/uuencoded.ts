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
 *  for zero); a line of length zero ends the data. */
function uudecode(lines: string): Buffer {
  const chunks: Buffer[] = [];
  for (const line of lines.split(/\r?\n/)) {
    const length = (line.charCodeAt(0) - 32) & 63;
    if (!line || length === 0) break;
    const bytes = Buffer.alloc(length);
    for (let i = 0; i < length; i++) {
      const group = 1 + Math.floor(i / 3) * 4;
      const sixBits = (k: number) => (line.charCodeAt(group + k) - 32) & 63;
      const shift = i % 3;
      bytes[i] = shift === 0 ? (sixBits(0) << 2) | (sixBits(1) >> 4)
        : shift === 1 ? ((sixBits(1) & 15) << 4) | (sixBits(2) >> 2)
          : ((sixBits(2) & 3) << 6) | sixBits(3);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}
