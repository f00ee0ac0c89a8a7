// A black-and-white scan (1 bit a pixel, as office scanners save documents) has no colour for a seal to show in:
// whether stored as a grey image or as a stencil mask painted black, it is asked for again in colour.
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { sealCheckOf } from './seal-check-of.ts';

const [W, H] = [1240, 877];

/** A ruled table page at 1 bit a pixel, rows padded to bytes; a set bit is white paper. */
function bilevelTable(): Uint8Array {
  const g = createCanvas(W, H).getContext('2d');
  g.fillStyle = 'white';
  g.fillRect(0, 0, W, H);
  g.lineWidth = 3;
  for (let y = 120; y <= 760; y += 80) g.strokeRect(80, y, 1080, 80);
  g.font = '30px sans-serif';
  for (let y = 170; y < 760; y += 80) g.fillText('国家中小学智慧教育平台专题资源', 100, y);
  const { data } = g.getImageData(0, 0, W, H);
  const row = Math.ceil(W / 8);
  const bits = new Uint8Array(row * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (data[(y * W + x) * 4] > 128) bits[y * row + (x >> 3)] |= 0x80 >> (x & 7);
  return bits;
}

async function scanCheck(stencil: boolean) {
  const doc = await PDFDocument.create();
  const page = doc.addPage([842, 595]);
  const bits = bilevelTable();
  // A stencil paints its 0 bits (here: the ink) with the fill colour.
  const image = stencil
    ? doc.context.flateStream(bits, { Type: 'XObject', Subtype: 'Image', Width: W, Height: H, BitsPerComponent: 1, ImageMask: true, Decode: [1, 0] })
    : doc.context.flateStream(bits, { Type: 'XObject', Subtype: 'Image', Width: W, Height: H, BitsPerComponent: 1, ColorSpace: 'DeviceGray' });
  page.node.setXObject(PDFName.of('Im0'), doc.context.register(image));
  page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.stream(`q 0 g 842 0 0 595 0 0 cm /Im0 Do Q`)));
  return sealCheckOf(await doc.save());
}

describe('a black-and-white (1-bit) scan', () => {
  it.each([['a grey image', false], ['a stencil mask painted black', true]])('stored as %s: grey-scale, asked for in colour', async (_, stencil) => {
    expect(await scanCheck(stencil)).toMatchObject({ stamps: [], greyscaleOnly: true, poorScan: null });
  });
});
