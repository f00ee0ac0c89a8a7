// A seal as other PDF producers write it, object by object: an inline image, a palette image with a colour-key mask,
// a one-bit stencil painted red, paths in a spot colour (Separation), a picture inside a Form XObject with a
// transparency group and Multiply, a 16-bit RGB picture, a CMYK picture, a JPEG on white multiplied over the page,
// and paths and a picture in an ICC profile of Lab colours (as Ghostscript rewrites Lab ones). Each is found on a
// page of black text.
import { deflateSync } from 'node:zlib';
import { createCanvas } from '@napi-rs/canvas';
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFRawStream, StandardFonts, type PDFDict, type PDFPage, type PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { openPdf } from '../../src/pdf/open-pdf.ts';
import { findSeals } from '../../src/seal/find-seals.ts';
import { iccProfile } from '../pdf/icc-profile.ts';
import { drawSeal } from './drawn-seal.ts';

const PX_MM = 6;
const PT_MM = 72 / 25.4;
const SEAL_MM = 40;
const RED: [number, number, number] = [215, 30, 35];
/** Where the seal's picture goes: its side in points, at (360, 200) from the page's lower left. */
const PLACE = `${SEAL_MM * PT_MM} 0 0 ${SEAL_MM * PT_MM} 360 200 cm`;

/** The seal's pixels (RGBA, transparent around it). */
function sealPixels(): { side: number; data: Uint8ClampedArray } {
  const side = SEAL_MM * PX_MM;
  const g = createCanvas(side, side).getContext('2d');
  drawSeal(g, `rgb(${RED.join(', ')})`, side / 2, side / 2, side / 2, 'star and arc', 1.2, PX_MM);
  return { side, data: g.getImageData(0, 0, side, side).data };
}

/** Each pixel's channels as `channels` says, one byte each (alpha 0..255 in `a`). */
function planes(data: Uint8ClampedArray, channels: (r: number, g: number, b: number, a: number) => number[]): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < data.length; i += 4) out.push(...channels(data[i], data[i + 1], data[i + 2], data[i + 3]));
  return Uint8Array.from(out);
}

interface Page { doc: PDFDocument; page: PDFPage }

async function pageOfText(): Promise<Page> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let y = 780; y > 100; y -= 18) page.drawText('Resource title   section   column   unit   2022-07-01', { x: 40, y, size: 10, font });
  return { doc, page };
}

function imageStream({ doc }: Page, dict: Record<string, unknown>, bytes: Uint8Array, filter = 'FlateDecode'): PDFRef {
  const body = filter === 'FlateDecode' ? deflateSync(bytes) : bytes;
  return doc.context.register(PDFRawStream.of(doc.context.obj({ Type: 'XObject', Filter: filter, ...dict }) as PDFDict, body));
}

function resource({ doc, page }: Page, kind: string, name: string, value: PDFRef | PDFDict | PDFArray): void {
  const resources = page.node.Resources()!;
  let group = resources.lookup(PDFName.of(kind)) as PDFDict | undefined;
  if (!group) resources.set(PDFName.of(kind), (group = doc.context.obj({}) as PDFDict));
  group.set(PDFName.of(name), value);
}

function draw({ doc, page }: Page, operators: string): void {
  const contents = page.node.get(PDFName.of('Contents'));
  const list = contents instanceof PDFArray ? contents : (doc.context.obj([contents]) as PDFArray);
  list.push(doc.context.register(doc.context.flateStream(operators)));
  page.node.set(PDFName.of('Contents'), list);
}

/** The seal's picture with its alpha as a soft mask, in `colourSpace` from `channels`. */
function maskedPicture(at: Page, colourSpace: string, bits: number, channels: (r: number, g: number, b: number) => number[]): void {
  const { side, data } = sealPixels();
  const alpha = imageStream(at, { Subtype: 'Image', Width: side, Height: side, BitsPerComponent: 8, ColorSpace: 'DeviceGray' }, planes(data, (_r, _g, _b, a) => [a]));
  resource(at, 'XObject', 'Seal', imageStream(at, {
    Subtype: 'Image', Width: side, Height: side, BitsPerComponent: bits, ColorSpace: colourSpace, SMask: alpha,
  }, planes(data, channels)));
  draw(at, `q ${PLACE} /Seal Do Q`);
}

/** The seal over white, as a producer that flattens transparency leaves it. */
function onWhite(): { side: number; data: Uint8ClampedArray } {
  const { side, data } = sealPixels();
  return { side, data: Uint8ClampedArray.from(data, (v, i) => (i % 4 === 3 ? 255 : Math.round(255 - ((255 - v) * data[i - (i % 4) + 3]) / 255))) };
}

function labColourSpace(at: Page): PDFArray {
  const profile = at.doc.context.register(PDFRawStream.of(at.doc.context.obj({ N: 3 }) as PDFDict, iccProfile('Lab ')));
  return at.doc.context.obj([PDFName.of('ICCBased'), profile]) as PDFArray;
}

/** A colour's L*, a*, b* (D50) from sRGB. */
function lab([r, g, b]: number[]): [number, number, number] {
  const linear = [r, g, b].map((c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
  const [x, y, z] = [[0.4360, 0.3851, 0.1431], [0.2225, 0.7169, 0.0606], [0.0139, 0.0971, 0.7142]]
    .map((row, k) => row.reduce((sum, w, i) => sum + w * linear[i], 0) / [0.9642, 1, 0.8249][k]);
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

const FORMS: Record<string, (at: Page) => Promise<void> | void> = {
  'an inline image': (at) => {
    const { side, data } = onWhite();
    const hex = Buffer.from(planes(data, (r, g, b) => [r, g, b])).toString('hex');
    draw(at, `q ${PLACE} BI /W ${side} /H ${side} /CS /RGB /BPC 8 /F /AHx ID ${hex}> EI Q`);
  },
  'a palette image with a colour-key mask': (at) => {
    const { side, data } = sealPixels();
    const palette = PDFHexString.of(`FFFFFF${RED.map((c) => c.toString(16).padStart(2, '0')).join('')}`);
    resource(at, 'XObject', 'Seal', imageStream(at, {
      Subtype: 'Image', Width: side, Height: side, BitsPerComponent: 8, Mask: [0, 0],
      ColorSpace: [PDFName.of('Indexed'), PDFName.of('DeviceRGB'), 1, palette],
    }, planes(data, (_r, _g, _b, a) => [a > 100 ? 1 : 0])));
    draw(at, `q ${PLACE} /Seal Do Q`);
  },
  'a one-bit stencil painted red': (at) => {
    const { side, data } = sealPixels();
    const row = Math.ceil(side / 8), bits = new Uint8Array(row * side);
    // A stencil paints where its sample is 0.
    for (let p = 0; p < side * side; p++) if (data[p * 4 + 3] <= 100) bits[Math.floor(p / side) * row + ((p % side) >> 3)] |= 0x80 >> (p % side & 7);
    resource(at, 'XObject', 'Seal', imageStream(at, { Subtype: 'Image', Width: side, Height: side, BitsPerComponent: 1, ImageMask: true }, bits));
    draw(at, `q ${RED.map((c) => (c / 255).toFixed(3)).join(' ')} rg ${PLACE} /Seal Do Q`);
  },
  'paths in a spot colour (Separation)': (at) => {
    const tint = at.doc.context.obj({ FunctionType: 2, Domain: [0, 1], C0: [0, 0, 0, 0], C1: [0, 0.9, 0.85, 0.1], N: 1 });
    resource(at, 'ColorSpace', 'Spot', at.doc.context.obj([PDFName.of('Separation'), PDFName.of('PANTONE 485 C'), PDFName.of('DeviceCMYK'), tint]));
    const [cx, cy, r] = [440, 280, (SEAL_MM / 2) * PT_MM];
    const point = (radius: number, a: number) => `${(cx + radius * Math.cos(a)).toFixed(2)} ${(cy + radius * Math.sin(a)).toFixed(2)}`;
    const ring = Array.from({ length: 73 }, (_, k) => `${point(r - 1.7, (k * Math.PI) / 36)} ${k ? 'l' : 'm'}`).join(' ');
    const star = Array.from({ length: 10 }, (_, k) => `${point(k % 2 ? 0.15 * r : 0.38 * r, Math.PI / 2 + (k * Math.PI) / 5)} ${k ? 'l' : 'm'}`).join(' ');
    // Characters along the top: boxes with two strokes through them, 5 mm, as glyph outlines would ink them.
    const side = 5 * PT_MM;
    const glyphs = Array.from({ length: 9 }, (_, k) => {
      const [x, y] = point(0.7 * r, Math.PI * (-0.15 + k * 0.1625)).split(' ').map(Number);
      return `${(x - side / 2).toFixed(2)} ${(y - side / 2).toFixed(2)} ${side.toFixed(2)} ${side.toFixed(2)} re ${x.toFixed(2)} ${(y - side / 2).toFixed(2)} m ${x.toFixed(2)} ${(y + side / 2).toFixed(2)} l`;
    }).join(' ');
    draw(at, `q /Spot CS /Spot cs 1 SCN 1 scn ${(1.2 * PT_MM).toFixed(2)} w ${ring} S ${star} f 1 w ${glyphs} S Q`);
  },
  'a picture in a Form XObject with a transparency group, multiplied': (at) => {
    const { side, data } = sealPixels();
    const alpha = imageStream(at, { Subtype: 'Image', Width: side, Height: side, BitsPerComponent: 8, ColorSpace: 'DeviceGray' }, planes(data, (_r, _g, _b, a) => [a]));
    const picture = imageStream(at, { Subtype: 'Image', Width: side, Height: side, BitsPerComponent: 8, ColorSpace: 'DeviceRGB', SMask: alpha }, planes(data, (r, g, b) => [r, g, b]));
    const form = imageStream(at, {
      Subtype: 'Form', BBox: [0, 0, 1, 1], Group: { S: 'Transparency', K: false, I: true, CS: 'DeviceRGB' },
      Resources: { XObject: { Im: picture }, ExtGState: { G: { Type: 'ExtGState', BM: 'Multiply', ca: 0.9 } } },
    }, new TextEncoder().encode('q /G gs /Im Do Q'));
    resource(at, 'XObject', 'Stamp', form);
    draw(at, `q ${PLACE} /Stamp Do Q`);
  },
  'a 16-bit RGB picture': (at) => maskedPicture(at, 'DeviceRGB', 16, (r, g, b) => [r, r, g, g, b, b]),
  'a CMYK picture': (at) => maskedPicture(at, 'DeviceCMYK', 8, (r, g, b) => {
    const k = 255 - Math.max(r, g, b), rest = 255 - k || 1;
    return [r, g, b].map((c) => Math.round((255 * (255 - c - k)) / rest)).concat(k);
  }),
  'a JPEG on white multiplied over the page': async (at) => {
    const { side, data } = onWhite();
    const canvas = createCanvas(side, side);
    const g = canvas.getContext('2d');
    const pixels = g.createImageData(side, side);
    pixels.data.set(data);
    g.putImageData(pixels, 0, 0);
    resource(at, 'XObject', 'Seal', imageStream(at, {
      Subtype: 'Image', Width: side, Height: side, BitsPerComponent: 8, ColorSpace: 'DeviceRGB',
    }, await canvas.encode('jpeg', 85), 'DCTDecode'));
    resource(at, 'ExtGState', 'Multiply', at.doc.context.obj({ Type: 'ExtGState', BM: 'Multiply' }) as PDFDict);
    draw(at, `q /Multiply gs ${PLACE} /Seal Do Q`);
  },
  'paths in an ICC profile of Lab colours': (at) => {
    resource(at, 'ColorSpace', 'Lab', labColourSpace(at));
    const [cx, cy, r] = [440, 280, (SEAL_MM / 2) * PT_MM];
    const point = (radius: number, a: number) => `${(cx + radius * Math.cos(a)).toFixed(2)} ${(cy + radius * Math.sin(a)).toFixed(2)}`;
    const ring = Array.from({ length: 73 }, (_, k) => `${point(r - 1.7, (k * Math.PI) / 36)} ${k ? 'l' : 'm'}`).join(' ');
    const star = Array.from({ length: 10 }, (_, k) => `${point(k % 2 ? 0.15 * r : 0.38 * r, Math.PI / 2 + (k * Math.PI) / 5)} ${k ? 'l' : 'm'}`).join(' ');
    const glyphs = Array.from({ length: 9 }, (_, k) => {
      const [x, y] = point(0.7 * r, Math.PI * (-0.15 + k * 0.1625)).split(' ').map(Number);
      return `${(x - 7).toFixed(2)} ${(y - 7).toFixed(2)} 14 14 re ${x.toFixed(2)} ${(y - 7).toFixed(2)} m ${x.toFixed(2)} ${(y + 7).toFixed(2)} l`;
    }).join(' ');
    const red = lab(RED).map((v) => v.toFixed(1)).join(' ');
    draw(at, `q /Lab CS /Lab cs ${red} SCN ${red} scn ${(1.2 * PT_MM).toFixed(2)} w ${ring} S ${star} f 1 w ${glyphs} S Q`);
  },
  'a picture in an ICC profile of Lab colours, on white': (at) => {
    const { side, data } = onWhite();
    resource(at, 'XObject', 'Seal', imageStream(at, {
      Subtype: 'Image', Width: side, Height: side, BitsPerComponent: 8, ColorSpace: labColourSpace(at),
      Decode: [0, 100, -128, 127, -128, 127],
    }, planes(data, (r, g, b) => {
      const [l, a, bb] = lab([r, g, b]);
      return [Math.round((l * 255) / 100), Math.round(a + 128), Math.round(bb + 128)].map((v) => Math.max(0, Math.min(255, v)));
    })));
    draw(at, `q ${PLACE} /Seal Do Q`);
  },
};

describe('seals as other producers write them', () => {
  it.each(Object.keys(FORMS))('finds a seal drawn as %s', async (form) => {
    const at = await pageOfText();
    await FORMS[form](at);
    const opened = await openPdf(await at.doc.save());
    try {
      const { stamps } = await findSeals(opened.document, 'seal.pdf');
      expect(stamps).toHaveLength(1);
      // Where it was put: 360-473 pt across, 529-642 pt down from the top of the 842 pt page (the spot-colour seal
      // is drawn round (440, 280) from the lower left).
      const [x, y] = stamps[0].box;
      expect(x).toBeGreaterThan(350);
      expect(y).toBeGreaterThan(500);
    } finally {
      await opened.close();
    }
  });
});
