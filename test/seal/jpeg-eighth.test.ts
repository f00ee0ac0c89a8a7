// The eighth-size JPEG decoder against libjpeg-turbo's whole decode: each pixel is its 8×8 block's mean; a header
// that claims more pixels than its data holds costs no more than its data.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { decodeJpegEighth } from '../../src/seal/jpeg-eighth.ts';
import { scanJpeg } from './scan-pdf.ts';
import { withFrame } from './jpeg-frame.ts';
import { RESTART_JPEGS } from '../fixtures/make-restart-jpegs.ts';

/** The means of the JPEG's whole 8×8 blocks, as libjpeg-turbo decodes it whole: RGB, block by block, so many a row. */
async function blockMeans(jpeg: Buffer): Promise<{ means: number[]; across: number }> {
  const image = await loadImage(jpeg);
  const canvas = createCanvas(image.width, image.height);
  canvas.getContext('2d').drawImage(image, 0, 0);
  const data = canvas.getContext('2d').getImageData(0, 0, image.width, image.height).data;
  const means: number[] = [];
  for (let by = 0; by < Math.floor(image.height / 8); by++) {
    for (let bx = 0; bx < Math.floor(image.width / 8); bx++) {
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) sum += data[((by * 8 + y) * image.width + bx * 8 + x) * 4 + c];
        means.push(sum / 64);
      }
    }
  }
  return { means, across: Math.floor(image.width / 8) };
}

/** How far, on average over every whole block and channel, the eighth is from the whole decode's block means. */
async function meanDifference(jpeg: Buffer): Promise<number> {
  const eighth = decodeJpegEighth(jpeg);
  const { means, across } = await blockMeans(jpeg);
  const sum = means.reduce((total, mean, i) => {
    const block = Math.floor(i / 3);
    const at = (Math.floor(block / across) * eighth.width + (block % across)) * 4 + (i % 3);
    return total + Math.abs(mean - eighth.rgba[at]);
  }, 0);
  return sum / means.length;
}

const restartJpeg = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/jpeg/${name}`, import.meta.url)));

describe('a JPEG decoded at an eighth of its size', () => {
  it('gives each 8×8 block its mean colour, as the whole decode does, the seal ring\'s red with it', async () => {
    const jpeg = await scanJpeg();
    const eighth = decodeJpegEighth(jpeg);
    expect([eighth.width, eighth.height]).toEqual([75, 53]);
    expect(await meanDifference(jpeg)).toBeLessThan(1.5);
    // The scan's ring (rgb 210, 30, 40) crosses the block at 150 - 80 = 70 px across, 120 px down.
    const ring = ((120 >> 3) * eighth.width + (70 >> 3)) * 4;
    expect(eighth.rgba[ring]).toBeGreaterThan(eighth.rgba[ring + 1] + 60);
  });

  it.each(Object.values(RESTART_JPEGS))('reads a scanner\'s JPEG with restart markers (%s) as the whole decode does', async (name) => {
    expect(await meanDifference(restartJpeg(name))).toBeLessThan(1.5);
  });

  it('reads a header claiming 12000 × 12000 pixels over a few kilobytes of data only as far as its data goes', async () => {
    const lying = withFrame(await scanJpeg(), 0xc0, 12_000, 12_000);
    const started = performance.now();
    const eighth = decodeJpegEighth(lying);
    expect([eighth.width, eighth.height]).toEqual([1500, 1500]);
    expect(performance.now() - started).toBeLessThan(2000);
    // Past the data the picture stays mid-grey.
    expect(Array.from(eighth.rgba.subarray(-4))).toEqual([128, 128, 128, 255]);
  });
});
