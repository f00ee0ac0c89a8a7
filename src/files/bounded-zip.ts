// Opens a zip without trusting it: the central directory is checked for decompression bombs before anything is
// inflated, and every entry is inflated at most to the size it declared. A .docx is a zip; so is a county's archive.
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { MAX_COMPRESSION_RATIO, MAX_UNCOMPRESSED_BYTES } from '../limits.ts';

/** A Word package has tens of parts; thousands of entries only cost time to list. */
const MAX_ENTRIES = 5000;
/** Small parts compress wildly (runs of spaces); the ratio test is for entries big enough to hurt. */
const RATIO_CHECK_BYTES = 1024 * 1024;

export type ZipProblem = 'corrupt' | 'encrypted' | 'bomb';

/** Why a zip was not opened or an entry not inflated. */
export class ZipRefused extends Error {
  constructor(readonly problem: ZipProblem) {
    super(`zip refused: ${problem}`);
  }
}

export interface BoundedZip {
  /** Entries by name: as stored when `rawNames` (a Buffer, for the caller to decode), else as yauzl decodes them. */
  entries: Map<string | Buffer, Entry>;
  inflate(entry: Entry): Promise<Buffer>;
}

function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    let declared = 0;
    zip.on('error', () => reject(new ZipRefused('corrupt')));
    zip.on('end', () => resolve(entries));
    zip.on('entry', (entry: Entry) => {
      declared += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
      if (declared > MAX_UNCOMPRESSED_BYTES || entries.length >= MAX_ENTRIES
        || (entry.uncompressedSize > RATIO_CHECK_BYTES && ratio > MAX_COMPRESSION_RATIO)) {
        reject(new ZipRefused('bomb'));
        return;
      }
      if (entry.isEncrypted()) {
        reject(new ZipRefused('encrypted'));
        return;
      }
      entries.push(entry);
      zip.readEntry();
    });
    zip.readEntry();
  });
}

/** `rawNames`: leave entry names as stored bytes (an archive made on Chinese Windows names them in GBK, unflagged). */
export async function openBoundedZip(bytes: Buffer, { rawNames = false } = {}): Promise<BoundedZip> {
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true, decodeStrings: !rawNames });
  } catch {
    throw new ZipRefused('corrupt');
  }
  const entries = await listEntries(zip);
  return {
    entries: new Map(entries.map((entry) => [entry.fileName as string | Buffer, entry])),
    async inflate(entry) {
      const chunks: Buffer[] = [];
      try {
        // validateEntrySizes makes the stream fail as soon as it yields more than the entry declared.
        for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
      } catch (err) {
        throw new ZipRefused(/too many bytes/.test(String(err)) ? 'bomb' : 'corrupt');
      }
      return Buffer.concat(chunks);
    },
  };
}
