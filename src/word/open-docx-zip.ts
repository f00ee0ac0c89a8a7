// Opens a .docx zip for mammoth without trusting it: the central directory is checked for decompression bombs
// before anything is inflated, and every entry is inflated at most to the size it declared.
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { MAX_COMPRESSION_RATIO, MAX_UNCOMPRESSED_BYTES } from '../limits.ts';
import { WordReadError } from './word-read-error.ts';
import { WORD_REASONS } from './word-reasons.ts';

/** A Word package has tens of parts; thousands of entries only cost time to list. */
const MAX_ENTRIES = 5000;
/** Small parts compress wildly (runs of spaces); the ratio test is for entries big enough to hurt. */
const RATIO_CHECK_BYTES = 1024 * 1024;

/** The zip interface mammoth reads a document through (its own `zipfile.openArrayBuffer` shape). */
export interface DocxZip {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<Uint8Array | string>;
}

function listEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    let declared = 0;
    zip.on('error', reject);
    zip.on('end', () => resolve(entries));
    zip.on('entry', (entry: Entry) => {
      declared += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (declared > MAX_UNCOMPRESSED_BYTES || entries.size >= MAX_ENTRIES
        || (entry.uncompressedSize > RATIO_CHECK_BYTES && ratio > MAX_COMPRESSION_RATIO)) {
        reject(new WordReadError(WORD_REASONS.bomb));
        return;
      }
      if (entry.isEncrypted()) {
        reject(new WordReadError(WORD_REASONS.encrypted));
        return;
      }
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.readEntry();
  });
}

async function inflate(zip: ZipFile, entry: Entry): Promise<Buffer> {
  const chunks: Buffer[] = [];
  try {
    // validateEntrySizes makes the stream fail as soon as it yields more than the entry declared.
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
  } catch (err) {
    throw new WordReadError(/too many bytes/.test(String(err)) ? WORD_REASONS.bomb : WORD_REASONS.corrupt);
  }
  return Buffer.concat(chunks);
}

export async function openDocxZip(bytes: Buffer): Promise<DocxZip> {
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true });
  } catch {
    throw new WordReadError(WORD_REASONS.corrupt);
  }
  const entries = await listEntries(zip).catch((err: unknown) => {
    throw err instanceof WordReadError ? err : new WordReadError(WORD_REASONS.corrupt);
  });
  return {
    exists: (name) => entries.has(name),
    async read(name, encoding) {
      const entry = entries.get(name);
      if (!entry) throw new WordReadError(WORD_REASONS.corrupt);
      const data = await inflate(zip, entry);
      if (encoding === 'base64') return data.toString('base64');
      return encoding ? new TextDecoder(encoding).decode(data) : new Uint8Array(data.buffer, data.byteOffset, data.length);
    },
  };
}
