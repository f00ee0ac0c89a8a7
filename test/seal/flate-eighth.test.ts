// The eighth-size Flate reader: each 8×8 block's mean (fewer pixels at the right and bottom edges), every PNG filter
// undone; a stream cut short keeps what it held.
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeFlateEighth } from '../../src/seal/flate-eighth.ts';
import { pngRows } from './png-rows.ts';

/** Samples that differ from every neighbour, so a filter undone wrong shows. */
const pixel = (x: number, y: number, c: number) => (x * 37 + y * 91 + c * 53 + ((x * y) % 7) * 29) & 255;
const [WIDTH, HEIGHT] = [37, 21];

/** The mean of sample c over the block at (bx, by), computed from the samples themselves. */
function blockMean(bx: number, by: number, c: number): number {
  let sum = 0, count = 0;
  for (let y = by * 8; y < Math.min(HEIGHT, by * 8 + 8); y++) {
    for (let x = bx * 8; x < Math.min(WIDTH, bx * 8 + 8); x++, count++) sum += pixel(x, y, c);
  }
  return sum / count;
}

describe('a Flate image read at an eighth of its size', () => {
  it.each([[3, true], [1, true], [3, false]] as const)('gives each block its mean (%i components, PNG rows: %s)', async (components, png) => {
    const rows = png ? pngRows(WIDTH, HEIGHT, components, pixel)
      : Buffer.from(Array.from({ length: WIDTH * HEIGHT * components }, (_, i) => pixel(Math.floor(i / components) % WIDTH, Math.floor(i / components / WIDTH), i % components)));
    const eighth = await decodeFlateEighth(deflateSync(rows), WIDTH, HEIGHT, { components, pngRows: png });
    expect([eighth.width, eighth.height]).toEqual([5, 3]);
    for (let by = 0; by < 3; by++) {
      for (let bx = 0; bx < 5; bx++) {
        for (let c = 0; c < 3; c++) {
          const at = (by * 5 + bx) * 4 + c;
          expect(Math.abs(eighth.rgba[at] - blockMean(bx, by, components === 1 ? 0 : c))).toBeLessThanOrEqual(0.5);
        }
      }
    }
  });

  it('keeps the blocks a stream cut short held, the rest opaque mid-grey', async () => {
    const packed = deflateSync(pngRows(WIDTH, HEIGHT, 3, pixel));
    const eighth = await decodeFlateEighth(packed.subarray(0, packed.length >> 1), WIDTH, HEIGHT, { components: 3, pngRows: true });
    expect(Math.abs(eighth.rgba[0] - blockMean(0, 0, 0))).toBeLessThanOrEqual(0.5);
    expect(Array.from(eighth.rgba.subarray(-4))).toEqual([128, 128, 128, 255]);
  });
});
