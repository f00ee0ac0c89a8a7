// Opens a .docx zip for mammoth without trusting it (bounded-zip.ts): a refused zip is a Word file that cannot be read.
import { openBoundedZip, ZipRefused, type BoundedZip } from '../files/bounded-zip.ts';
import { MAX_WORD_XML_ELEMENTS } from '../limits.ts';
import { WordReadError } from './word-read-error.ts';
import { WORD_REASONS } from './word-reasons.ts';

/** The zip interface mammoth reads a document through (its own `zipfile.openArrayBuffer` shape). */
export interface DocxZip {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<Uint8Array | string>;
}

/** Start tags in an XML part (`<` not followed by `/`, `?` or `!`), counted on the bytes before mammoth parses them. */
function countElements(data: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < data.length - 1; i++) {
    if (data[i] !== 0x3c) continue;
    const next = data[i + 1];
    if (next !== 0x2f && next !== 0x3f && next !== 0x21) count++;
  }
  return count;
}

function asWordError(err: unknown): WordReadError {
  return err instanceof ZipRefused ? new WordReadError(WORD_REASONS[err.problem]) : new WordReadError(WORD_REASONS.corrupt);
}

export async function openDocxZip(bytes: Buffer): Promise<DocxZip> {
  let zip: BoundedZip;
  try {
    zip = await openBoundedZip(bytes);
  } catch (err) {
    throw asWordError(err);
  }
  let elementsRead = 0;
  return {
    exists: (name) => zip.entries.has(name),
    async read(name, encoding) {
      const entry = zip.entries.get(name);
      if (!entry) throw new WordReadError(WORD_REASONS.corrupt);
      const data = await zip.inflate(entry).catch((err: unknown) => { throw asWordError(err); });
      // Parts that zip small can still hold a million elements, each a DOM node in mammoth (limits.ts): counted over
      // every part mammoth reads (document, notes, comments, styles), not each alone.
      if (name.endsWith('.xml') || name.endsWith('.rels')) elementsRead += countElements(data);
      if (elementsRead > MAX_WORD_XML_ELEMENTS) throw new WordReadError(WORD_REASONS.tooManyElements(elementsRead));
      if (encoding === 'base64') return data.toString('base64');
      return encoding ? new TextDecoder(encoding).decode(data) : new Uint8Array(data.buffer, data.byteOffset, data.length);
    },
  };
}
