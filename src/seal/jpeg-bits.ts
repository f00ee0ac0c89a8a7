// Reading a JPEG scan's entropy-coded data: Huffman tables and the bit stream, for jpeg-eighth.ts.

export function damaged(what: string): Error {
  return new Error(`JPEG damaged: ${what}`);
}

/** One Huffman table as a lookup on the next 16 bits: (code length << 8) | symbol, 0 where no code starts. */
export class JpegHuffman {
  readonly lookup = new Uint16Array(1 << 16);

  /** `counts`: how many codes of each length 1-16; `symbols`: their symbols in code order. */
  constructor(counts: Uint8Array, symbols: Uint8Array) {
    let code = 0, k = 0;
    for (let length = 1; length <= 16; length++) {
      for (let n = 0; n < counts[length - 1]; n++, k++, code++) {
        if (code >= 1 << length || k >= symbols.length) throw damaged('Huffman table');
        const shift = 16 - length;
        this.lookup.fill((length << 8) | symbols[k], code << shift, (code + 1) << shift);
      }
      code <<= 1;
    }
  }
}

/** The entropy-coded bits of a scan, byte stuffing undone; at a marker it reads zeros, as libjpeg does. */
export class JpegBits {
  private buffer = 0;
  private count = 0;
  private zeros = 0;
  /** A code no table holds was met: the data is corrupt up to the next restart marker. */
  private corrupt = false;

  constructor(private readonly data: Uint8Array, private at: number) {}

  private fill(): void {
    while (this.count <= 24) {
      let byte = 0;
      if (this.at < this.data.length && !(this.data[this.at] === 0xff && this.data[this.at + 1] !== 0)) {
        byte = this.data[this.at];
        this.at += byte === 0xff ? 2 : 1;
      } else this.zeros++;
      this.buffer = ((this.buffer << 8) | byte) >>> 0;
      this.count += 8;
    }
  }

  private read(n: number): number {
    if (this.count < n) this.fill();
    this.count -= n;
    return (this.buffer >>> this.count) & ((1 << n) - 1);
  }

  private symbol(table: JpegHuffman): number {
    if (this.count < 16) this.fill();
    const entry = table.lookup[(this.buffer >>> (this.count - 16)) & 0xffff];
    // Read as an end of block: the caller stops at the next unit (stopped()).
    if (!entry) {
      this.corrupt = true;
      return 0;
    }
    this.count -= entry >> 8;
    return entry & 0xff;
  }

  /** A DC difference: its size category, then that many bits. */
  diff(table: JpegHuffman): number {
    const size = this.symbol(table);
    if (!size) return 0;
    if (size > 16) throw damaged('DC difference');
    const value = this.read(size);
    return value < 1 << (size - 1) ? value - (1 << size) + 1 : value;
  }

  /** Reads past a block's 63 AC coefficients. */
  skipAc(table: JpegHuffman): void {
    for (let k = 1; k < 64;) {
      const rs = this.symbol(table);
      const size = rs & 15;
      if (!size && rs !== 0xf0) return;
      if (size) this.read(size);
      k += (rs >> 4) + 1;
    }
  }

  /** Whether the data ran out (zeros beyond those still buffered were read) or is corrupt, until the next restart. */
  stopped(): boolean {
    return this.corrupt || this.zeros * 8 > this.count;
  }

  /** At a restart: the bits left in the byte dropped, the next marker passed if it is a restart marker (false if not). */
  restart(): boolean {
    this.count = 0;
    this.zeros = 0;
    this.corrupt = false;
    this.at = this.nextMarker();
    const found = this.data[this.at + 1] >= 0xd0 && this.data[this.at + 1] <= 0xd7;
    if (found) this.at += 2;
    return found;
  }

  /** Where the next marker starts, from where reading stopped. */
  nextMarker(): number {
    let i = this.at;
    while (i + 1 < this.data.length && !(this.data[i] === 0xff && this.data[i + 1] !== 0 && this.data[i + 1] !== 0xff)) i++;
    return i;
  }
}
