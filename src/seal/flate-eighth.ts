// Reads a Flate image too large to decode whole (a page a PostScript printer driver rasterised at 720 dpi) at an
// eighth of its size: inflated as a stream, row by row, each 8×8 block averaged as the rows pass, so no more than two
// rows and the eighth are held.
import { constants, createInflate } from 'node:zlib';
import { Readable } from 'node:stream';
import type { EighthImage } from './jpeg-eighth.ts';

/** How the image's samples are laid out: 8 bits each, 1 (grey) or 3 (RGB) a pixel, rows PNG-filtered or not. */
export interface FlateLayout { components: 1 | 3; pngRows: boolean }

export async function decodeFlateEighth(
  stream: Uint8Array, width: number, height: number, { components, pngRows }: FlateLayout,
): Promise<EighthImage> {
  const w = Math.ceil(width / 8), h = Math.ceil(height / 8);
  const rgba = new Uint8ClampedArray(w * h * 4);
  // Opaque mid-grey where the data ends early, as a JPEG's eighth is left (little-endian words: alpha is the top byte).
  new Uint32Array(rgba.buffer).fill(0xff808080);
  const sums = new Uint32Array(w * components);
  const rowBytes = width * components + (pngRows ? 1 : 0);
  let row = new Uint8Array(rowBytes), previous = new Uint8Array(rowBytes);
  let filled = 0, y = 0;
  const inflate = Readable.from([stream]).pipe(createInflate({ finishFlush: constants.Z_SYNC_FLUSH }));
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      for (let at = 0; at < chunk.length && y < height;) {
        const taken = Math.min(rowBytes - filled, chunk.length - at);
        row.set(chunk.subarray(at, at + taken), filled);
        filled += taken;
        at += taken;
        if (filled < rowBytes) break;
        if (pngRows) unfilter(row, previous, components);
        addRow(row.subarray(pngRows ? 1 : 0), sums, width, components);
        [row, previous, filled] = [previous, row, 0];
        if (++y % 8 === 0 || y === height) writeBlocks(sums, rgba, (y - 1) >> 3, w, components, width, Math.min(8, y - ((y - 1) & ~7)));
      }
      if (y >= height) break;
    }
  } catch {
    // A stream cut short or damaged: the rows read so far are kept, as pdf.js keeps them.
  } finally {
    inflate.destroy();
  }
  return { width: w, height: h, rgba };
}

/** Undoes one row's PNG filter (its first byte) in place; `previous` is the row above, unfiltered. */
function unfilter(row: Uint8Array, previous: Uint8Array, bpp: number): void {
  const type = row[0];
  for (let i = 1; i < row.length; i++) {
    const left = i > bpp ? row[i - bpp] : 0, up = previous[i], upLeft = i > bpp ? previous[i - bpp] : 0;
    if (type === 1) row[i] += left;
    else if (type === 2) row[i] += up;
    else if (type === 3) row[i] += (left + up) >> 1;
    else if (type === 4) {
      const p = left + up - upLeft, pa = Math.abs(p - left), pb = Math.abs(p - up), pc = Math.abs(p - upLeft);
      row[i] += pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
    }
  }
}

function addRow(samples: Uint8Array, sums: Uint32Array, width: number, components: number): void {
  for (let x = 0; x < width; x++) {
    for (let c = 0; c < components; c++) sums[(x >> 3) * components + c] += samples[x * components + c];
  }
}

/** One row of blocks from the sums of their `rows` rows (8, or fewer at the bottom edge), the sums cleared. */
function writeBlocks(sums: Uint32Array, rgba: Uint8ClampedArray, blockRow: number, w: number, components: number, width: number, rows: number): void {
  for (let bx = 0; bx < w; bx++) {
    const count = rows * Math.min(8, width - bx * 8);
    for (let c = 0; c < 3; c++) rgba[(blockRow * w + bx) * 4 + c] = sums[bx * components + Math.min(c, components - 1)] / count;
    rgba[(blockRow * w + bx) * 4 + 3] = 255;
  }
  sums.fill(0);
}
