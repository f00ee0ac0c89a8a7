// Decodes a sequential (baseline) JPEG at an eighth of its size from its DC coefficients alone: each 8×8 block's
// mean, what libjpeg's 1/8 scaling gives. A scan too large to decode whole (720 dpi) is read in a 64th of the memory,
// the entropy data streamed once; the AC coefficients are read past, never stored.
import { damaged, JpegBits, JpegHuffman } from './jpeg-bits.ts';

export interface EighthImage { width: number; height: number; rgba: Uint8ClampedArray }

interface Component { id: number; h: number; v: number; quant: number; dc: Int16Array; stride: number; dcTable: number; acTable: number }

const MARKER_SOF0 = 0xc0, MARKER_SOF1 = 0xc1, MARKER_DHT = 0xc4, MARKER_SOS = 0xda, MARKER_DQT = 0xdb;
const MARKER_DRI = 0xdd, MARKER_APP14 = 0xee, MARKER_EOI = 0xd9;
/** Huffman tables a file may define (each a 128 KB lookup; a sequential JPEG needs at most 4 at a time). */
const MAX_HUFFMAN_TABLES = 32;

export function decodeJpegEighth(jpeg: Uint8Array): EighthImage {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw damaged('no SOI');
  const quant = new Map<number, number>();
  const tables = new Map<number, JpegHuffman>();
  let components: Component[] = [];
  let width = 0, height = 0, hMax = 1, vMax = 1, restart = 0;
  // Adobe's marker says whether three components are YCbCr (1) or RGB (0); without it they are YCbCr (JFIF).
  let ycc = true;
  let huffmanTables = 0, scans = 0;
  for (let i = 2; i + 4 <= jpeg.length;) {
    if (jpeg[i] !== 0xff) { i++; continue; }
    const marker = jpeg[i + 1];
    if (marker === 0xff || marker === 0x00 || (marker >= 0xd0 && marker <= 0xd7)) { i++; continue; }
    if (marker === MARKER_EOI) break;
    const start = i + 4, end = i + 2 + ((jpeg[i + 2] << 8) | jpeg[i + 3]);
    if (end > jpeg.length || end < start) throw damaged('segment past the end');
    if (marker === MARKER_DQT) readQuant(jpeg, start, end, quant);
    else if (marker === MARKER_DHT) {
      huffmanTables += readHuffman(jpeg, start, end, tables);
      if (huffmanTables > MAX_HUFFMAN_TABLES) throw damaged('too many Huffman tables');
    }
    else if (marker === MARKER_DRI) restart = (jpeg[start] << 8) | jpeg[start + 1];
    else if (marker === MARKER_APP14 && String.fromCharCode(...jpeg.subarray(start, start + 5)) === 'Adobe') ycc = jpeg[start + 11] !== 0;
    else if (marker === MARKER_SOF0 || marker === MARKER_SOF1) {
      // One frame only: its size is the one the caller bounded (jpegSize reads the first frame header).
      if (components.length) throw damaged('second frame');
      if (jpeg[start] !== 8) throw damaged('not 8 bits');
      height = (jpeg[start + 1] << 8) | jpeg[start + 2];
      width = (jpeg[start + 3] << 8) | jpeg[start + 4];
      const count = jpeg[start + 5];
      if (!width || !height || (count !== 1 && count !== 3)) throw damaged('frame');
      const sampling = Array.from({ length: count }, (_, c) => jpeg.subarray(start + 6 + c * 3, start + 9 + c * 3));
      hMax = Math.max(...sampling.map((s) => s[1] >> 4));
      vMax = Math.max(...sampling.map((s) => s[1] & 15));
      const mcusX = Math.ceil(width / (8 * hMax)), mcusY = Math.ceil(height / (8 * vMax));
      components = sampling.map(([id, hv, tq]) => {
        const h = hv >> 4, v = hv & 15;
        if (!h || !v || h > 4 || v > 4) throw damaged('sampling');
        return { id, h, v, quant: tq, dc: new Int16Array(mcusX * h * mcusY * v), stride: mcusX * h, dcTable: 0, acTable: 0 };
      });
    } else if (marker === MARKER_SOS) {
      // In a sequential JPEG each component is in one scan.
      if (!components.length || ++scans > components.length) throw damaged('scan out of place');
      const inScan = Array.from({ length: jpeg[start] }, (_, k) => {
        const component = components.find((c) => c.id === jpeg[start + 1 + k * 2]);
        if (!component) throw damaged('scan component');
        component.dcTable = jpeg[start + 2 + k * 2] >> 4;
        component.acTable = 16 | (jpeg[start + 2 + k * 2] & 15);
        return component;
      });
      i = decodeScan(jpeg, end, { inScan, tables, width, height, hMax, vMax, restart });
      continue;
    }
    i = end;
  }
  if (!components.length) throw damaged('no frame');
  return toRgba(components, width, height, hMax, vMax, quant, ycc);
}

/** Keeps each table's first (DC) step: the only one a block's mean needs. */
function readQuant(jpeg: Uint8Array, start: number, end: number, quant: Map<number, number>): void {
  for (let i = start; i < end;) {
    const wide = jpeg[i] >> 4;
    quant.set(jpeg[i] & 15, wide ? (jpeg[i + 1] << 8) | jpeg[i + 2] : jpeg[i + 1]);
    i += 1 + 64 * (wide ? 2 : 1);
  }
}

/** DC tables are kept under their number, AC tables under 16 + theirs; returns how many were read. */
function readHuffman(jpeg: Uint8Array, start: number, end: number, tables: Map<number, JpegHuffman>): number {
  let read = 0;
  for (let i = start; i + 17 <= end; read++) {
    const counts = jpeg.subarray(i + 1, i + 17);
    const total = counts.reduce((a, b) => a + b, 0);
    tables.set(((jpeg[i] >> 4) ? 16 : 0) | (jpeg[i] & 15), new JpegHuffman(counts, jpeg.subarray(i + 17, i + 17 + total)));
    i += 17 + total;
  }
  return read;
}

interface Scan {
  inScan: Component[]; tables: Map<number, JpegHuffman>; width: number; height: number; hMax: number; vMax: number; restart: number;
}

/** Reads one scan's DC coefficients into its components; returns where the data after it starts. */
function decodeScan(jpeg: Uint8Array, from: number, { inScan, tables, width, height, hMax, vMax, restart }: Scan): number {
  const bits = new JpegBits(jpeg, from);
  const table = (n: number) => {
    const found = tables.get(n);
    if (!found) throw damaged('missing Huffman table');
    return found;
  };
  const units = inScan.map((c) => ({ c, dc: table(c.dcTable), ac: table(c.acTable), pred: 0 }));
  // One component alone is not interleaved: its blocks in rows, each a unit of its own.
  const single = inScan.length === 1 ? inScan[0] : null;
  const across = single ? Math.ceil(Math.ceil((width * single.h) / hMax) / 8) : Math.ceil(width / (8 * hMax));
  const down = single ? Math.ceil(Math.ceil((height * single.v) / vMax) / 8) : Math.ceil(height / (8 * vMax));
  for (let mcu = 0; mcu < across * down; mcu++) {
    if (restart && mcu > 0 && mcu % restart === 0) {
      // No restart marker where one is due: the data has ended, and the rest of the image stays mid-grey.
      if (!bits.restart()) break;
      for (const u of units) u.pred = 0;
    }
    // Past its data or at a corrupt code (a truncated file, a header that lies, a bit flipped), blocks stay mid-grey
    // up to the next restart marker, as libjpeg leaves them.
    if (bits.stopped()) {
      if (!restart) break;
      mcu += restart - 1 - (mcu % restart);
      continue;
    }
    const mx = mcu % across, my = Math.floor(mcu / across);
    for (const u of units) {
      const rows = single ? 1 : u.c.v, cols = single ? 1 : u.c.h;
      for (let v = 0; v < rows; v++) {
        for (let h = 0; h < cols; h++) {
          u.pred += bits.diff(u.dc);
          u.c.dc[(my * rows + v) * u.c.stride + mx * cols + h] = u.pred;
          bits.skipAc(u.ac);
        }
      }
    }
  }
  return bits.nextMarker();
}

/** The blocks' means as RGBA pixels, one a block of the densest component. */
function toRgba(components: Component[], width: number, height: number, hMax: number, vMax: number, quant: Map<number, number>, ycc: boolean): EighthImage {
  const w = Math.ceil(width / 8), h = Math.ceil(height / 8);
  const rgba = new Uint8ClampedArray(w * h * 4);
  const planes = components.map((c) => {
    const q = quant.get(c.quant) ?? 1;
    const plane = new Uint8ClampedArray(w * h);
    for (let y = 0; y < h; y++) {
      const row = Math.floor((y * c.v) / vMax) * c.stride;
      // libjpeg's 1x1 inverse DCT: the dequantised DC over 8, level-shifted by 128.
      for (let x = 0; x < w; x++) plane[y * w + x] = ((c.dc[row + Math.floor((x * c.h) / hMax)] * q + 4) >> 3) + 128;
    }
    return plane;
  });
  for (let p = 0; p < w * h; p++) {
    const [a, b = a, c = a] = planes.map((plane) => plane[p]);
    const colour = components.length === 3 && ycc
      ? [a + 1.402 * (c - 128), a - 0.344136 * (b - 128) - 0.714136 * (c - 128), a + 1.772 * (b - 128)]
      : [a, b, c];
    rgba.set(colour, p * 4);
    rgba[p * 4 + 3] = 255;
  }
  return { width: w, height: h, rgba };
}
