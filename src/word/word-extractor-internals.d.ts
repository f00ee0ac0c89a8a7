// Types for the parts of word-extractor 1.0 (CommonJS, untyped) that the legacy .doc reader builds on.

declare module 'word-extractor/lib/buffer-reader.js' {
  class BufferReader {
    constructor(buffer: Buffer);
    buffer(): Buffer;
  }
  export = BufferReader;
}

declare module 'word-extractor/lib/ole-allocation-table.js' {
  class AllocationTable {
    constructor(doc: unknown);
    protected _table: number[];
    load(secIds: number[]): Promise<void>;
    getSecIdChain(start: number): number[];
  }
  export = AllocationTable;
}

declare module 'word-extractor/lib/ole-compound-doc.js' {
  import type { Readable } from 'node:stream';
  import type AllocationTable from 'word-extractor/lib/ole-allocation-table.js';
  interface OleHeader { secSize: number; shortSecSize: number; SATSize: number; MSATSize: number; SSATSize: number; SSATSecId: number }
  interface OleEntry { streams: Record<string, unknown>; storages: Record<string, unknown> }
  class OleCompoundDoc {
    constructor(reader: unknown);
    protected _reader: { buffer(): Buffer };
    protected _header: OleHeader;
    protected _MSAT: number[];
    protected _SAT: AllocationTable;
    protected _SSAT: AllocationTable;
    protected _directoryTree: { root: OleEntry };
    protected _readMSAT(): Promise<void>;
    protected _readSAT(): Promise<void>;
    protected _readSSAT(): Promise<void>;
    read(): Promise<this>;
    stream(name: string): Readable;
  }
  export = OleCompoundDoc;
}

declare module 'word-extractor/lib/word-ole-extractor.js' {
  /** A run of the document's text as stored: file offsets, character offsets and the decoded text. */
  interface Piece { startCp: number; startFilePos: number; endFilePos: number; bpc: number; text: string }
  interface ExtractedDocument { getBody(options?: { filterUnicode?: boolean }): string }
  class WordOleExtractor {
    protected _pieces: Piece[];
    extractWordDocument(document: unknown, buffer: Buffer): Promise<ExtractedDocument>;
    streamBuffer(stream: unknown): Promise<Buffer>;
    writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void;
  }
  export = WordOleExtractor;
}
