// Opens a .docx zip for mammoth without trusting it (bounded-zip.ts): a refused zip is a Word file that cannot be read.
import { openBoundedZip, ZipRefused, type BoundedZip } from '../files/bounded-zip.ts';
import { WordReadError } from './word-read-error.ts';
import { WORD_REASONS } from './word-reasons.ts';

/** The zip interface mammoth reads a document through (its own `zipfile.openArrayBuffer` shape). */
export interface DocxZip {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<Uint8Array | string>;
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
  return {
    exists: (name) => zip.entries.has(name),
    async read(name, encoding) {
      const entry = zip.entries.get(name);
      if (!entry) throw new WordReadError(WORD_REASONS.corrupt);
      const data = await zip.inflate(entry).catch((err: unknown) => { throw asWordError(err); });
      if (encoding === 'base64') return data.toString('base64');
      return encoding ? new TextDecoder(encoding).decode(data) : new Uint8Array(data.buffer, data.byteOffset, data.length);
    },
  };
}
