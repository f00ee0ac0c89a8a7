// Reads a legacy .doc or .wps (OLE compound file) into blocks with word-extractor, opening the file once; an
// encrypted package or an encrypted Word file is refused as password-protected.
import BufferReader from 'word-extractor/lib/buffer-reader.js';
import WordOleExtractor from 'word-extractor/lib/word-ole-extractor.js';
import { BoundedOleDoc } from './bounded-ole-doc.ts';
import { markTableStructure } from './doc-table-marks.ts';
import { docTextToBlocks } from './doc-text-to-blocks.ts';
import type { WordBlock } from './word-blocks.ts';
import { WordReadError } from './word-read-error.ts';
import { WORD_REASONS } from './word-reasons.ts';

/** FIB word at 0x0A: bit 0x0100 is fEncrypted. */
const FIB_FLAGS = 0x0a;
const F_ENCRYPTED = 0x0100;
const WORD_MAGIC = 0xa5ec;

class TableMarkingExtractor extends WordOleExtractor {
  override writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void {
    markTableStructure(this._pieces, buffer, tableBuffer);
  }
}

export async function oleToBlocks(bytes: Buffer): Promise<WordBlock[]> {
  const ole = await new BoundedOleDoc(new BufferReader(bytes)).read().catch((err: unknown) => {
    throw err instanceof WordReadError ? err : new WordReadError(WORD_REASONS.corrupt);
  });
  const streams = ole.rootStreams();
  // An encrypted .docx/.xlsx is an OLE file holding the real package encrypted (MS-OFFCRYPTO).
  if (streams.includes('EncryptedPackage') || streams.includes('EncryptionInfo')) throw new WordReadError(WORD_REASONS.encrypted);
  if (!streams.includes('WordDocument')) throw new WordReadError(WORD_REASONS.notWord);
  const extractor = new TableMarkingExtractor();
  const main = await extractor.streamBuffer(ole.stream('WordDocument'));
  if (main.length < 0x200 || main.readUInt16LE(0) !== WORD_MAGIC) throw new WordReadError(WORD_REASONS.corrupt);
  if (main.readUInt16LE(FIB_FLAGS) & F_ENCRYPTED) throw new WordReadError(WORD_REASONS.encrypted);
  const document = await extractor.extractWordDocument(ole, main);
  return docTextToBlocks(document.getBody({ filterUnicode: false }));
}
