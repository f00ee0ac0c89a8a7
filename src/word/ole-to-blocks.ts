// Reads a legacy .doc or .wps (OLE compound file) into blocks with word-extractor, opening the file once; an
// encrypted package or an encrypted Word file is refused as password-protected.
import BufferReader from 'word-extractor/lib/buffer-reader.js';
import WordOleExtractor from 'word-extractor/lib/word-ole-extractor.js';
import { BoundedOleDoc } from './bounded-ole-doc.ts';
import type { RowTap } from './doc-row-tap.ts';
import { markTableStructure } from './doc-table-marks.ts';
import { docTextToBlocks } from './doc-text-to-blocks.ts';
import type { WordBlock } from './word-blocks.ts';
import { WordReadError } from './word-read-error.ts';
import { WORD_REASONS } from './word-reasons.ts';

/** FIB word at 0x0A: bit 0x0100 is fEncrypted. */
const FIB_FLAGS = 0x0a;
const F_ENCRYPTED = 0x0100;
/** FibRgLw97's ccpText: the main text's length, in characters. */
const FIB_CCP_TEXT = 0x4c;
const WORD_MAGIC = 0xa5ec;

class TableMarkingExtractor extends WordOleExtractor {
  /** The Data stream, where long paragraph properties (a table row's, often) are kept. */
  data: Buffer = Buffer.alloc(0);
  rowTaps: (RowTap | null)[] = [];

  override writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void {
    const streams = { main: buffer, table: tableBuffer, data: this.data };
    this.rowTaps = markTableStructure(this._pieces, streams, buffer.readUInt32LE(FIB_CCP_TEXT));
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
  if (streams.includes('Data')) extractor.data = await extractor.streamBuffer(ole.stream('Data'));
  const main = await extractor.streamBuffer(ole.stream('WordDocument'));
  if (main.length < 0x200 || main.readUInt16LE(0) !== WORD_MAGIC) throw new WordReadError(WORD_REASONS.corrupt);
  if (main.readUInt16LE(FIB_FLAGS) & F_ENCRYPTED) throw new WordReadError(WORD_REASONS.encrypted);
  const document = await extractor.extractWordDocument(ole, main);
  return docTextToBlocks(document.getBody({ filterUnicode: false }), extractor.rowTaps);
}
