// A phone photo of the stamped page lying on a desk, made into a PDF page without cropping: the sheet fills only
// part of the page, so its seal is smaller on the page than on paper (a 42 mm seal at 55 % is 23 mm, under the size
// of a seal). Sizes are measured on the sheet, taken for A4: the seal is found, and the small logos of an unstamped
// page stay small logos. A page that is all paper is measured as it is.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { photographed, redrawnScan } from './corpus/redraw-scan.ts';
import { sealCheckOf } from './seal-check-of.ts';
import { sheetShare } from '../../src/seal/sheet-in-photo.ts';

const sample = (name: string) => readFileSync(new URL(`../fixtures/seal/${name}`, import.meta.url));
const onGreyDesk = (pdf: Uint8Array) => redrawnScan(pdf, { quality: 85, paint: photographed(-2, 0.55, 'grey') });

describe('a photo of the page on a desk', () => {
  it.each(['071-stamped-scan.pdf', '285-stamped-compressed-scan.pdf'])('of %s shows its seal, measured on the sheet', async (file) => {
    const check = await sealCheckOf(await onGreyDesk(sample(file)));
    expect(check.stamps.map((s) => s.page)).toEqual([1]);
  });

  it('of an unstamped page with small red logos shows no seal', async () => {
    expect((await sealCheckOf(await onGreyDesk(sample('236-trap-red-logo.pdf')))).stamps).toEqual([]);
  });

  it('takes the sheet for 60 % of its A4 size, and a page that is all paper (A4 or A5) as it is', () => {
    // An A4 landscape page at 1 px a point: the sheet, 60 % of it, centred on a grey desk; then paper to the edges.
    const [width, height] = [842, 595];
    const data = new Uint8ClampedArray(width * height * 4).fill(120);
    const inSheet = (x: number, y: number) => Math.abs(x - width / 2) < 0.3 * width && Math.abs(y - height / 2) < 0.3 * height;
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (inSheet(x, y)) data.fill(245, (y * width + x) * 4, (y * width + x) * 4 + 3);
    expect(sheetShare(data, width, height, 1, [245, 245, 245])).toBeCloseTo(0.6, 1);
    expect(sheetShare(new Uint8ClampedArray(width * height * 4).fill(245), width, height, 1, [245, 245, 245])).toBe(1);
    // An A5 page (420 x 595 points), all paper: not taken for a shrunk A4 sheet.
    expect(sheetShare(new Uint8ClampedArray(420 * 595 * 4).fill(245), 420, 595, 1, [245, 245, 245])).toBe(1);
  });
});
