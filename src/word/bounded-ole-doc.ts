// word-extractor's OLE reader, made safe for hostile files: a header whose tables cannot fit in the file is refused,
// and a sector chain that loops is an error instead of an endless loop that eats memory.
import AllocationTable from 'word-extractor/lib/ole-allocation-table.js';
import OleCompoundDoc from 'word-extractor/lib/ole-compound-doc.js';
import { WordReadError } from './word-read-error.ts';
import { WORD_REASONS } from './word-reasons.ts';

class BoundedAllocationTable extends AllocationTable {
  override getSecIdChain(start: number): number[] {
    const chain: number[] = [];
    const seen = new Set<number>();
    // Negative ids end a chain (free, end-of-chain, table sectors); an id past the table is corruption.
    for (let id = start; id >= 0 && id < this._table.length; id = this._table[id]) {
      if (seen.has(id)) throw new WordReadError(WORD_REASONS.corrupt);
      seen.add(id);
      chain.push(id);
    }
    return chain;
  }
}

export class BoundedOleDoc extends OleCompoundDoc {
  protected override _readMSAT(): Promise<void> {
    const { secSize, shortSecSize, SATSize, MSATSize, SSATSize } = this._header;
    const sectors = this._reader.buffer().length / secSize;
    const fits = (count: number) => Number.isInteger(count) && count >= 0 && count <= sectors;
    if (![512, 4096].includes(secSize) || shortSecSize !== 64 || !fits(SATSize) || !fits(MSATSize) || !fits(SSATSize)) {
      return Promise.reject(new WordReadError(WORD_REASONS.corrupt));
    }
    return super._readMSAT();
  }

  protected override _readSAT(): Promise<void> {
    this._SAT = new BoundedAllocationTable(this);
    return this._SAT.load(this._MSAT);
  }

  protected override _readSSAT(): Promise<void> {
    const secIds = this._SAT.getSecIdChain(this._header.SSATSecId);
    if (secIds.length !== this._header.SSATSize) return Promise.reject(new WordReadError(WORD_REASONS.corrupt));
    this._SSAT = new BoundedAllocationTable(this);
    return this._SSAT.load(secIds);
  }

  /** Names of the streams at the root, to tell a Word file from an encrypted package or another Office file. */
  rootStreams(): string[] {
    return Object.keys(this._directoryTree.root.streams);
  }
}
