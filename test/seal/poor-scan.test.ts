// The JPEG quality a scan was saved at, read from its quantization table, and the seal check's answer for a scan so
// coarse or so compressed that a seal's red may be lost in it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { jpegQuality } from '../../src/seal/jpeg-quality.ts';
import { sharpnessOf } from '../../src/seal/poor-scan.ts';
import { sealCheckOf } from './seal-check-of.ts';

/** A scanned A4 landscape table page without a seal (ruled lines and text, in black or in grey only) at this
 *  resolution and JPEG quality. */
async function tableScan(quality: number, dpi = 150, ink = 'rgb(20, 20, 20)', paper = 'rgb(250, 247, 238)'): Promise<Buffer> {
  const canvas = createCanvas(Math.round((842 / 72) * dpi), Math.round((595 / 72) * dpi));
  const g = canvas.getContext('2d');
  g.scale(dpi / 100, dpi / 100);
  g.fillStyle = paper;
  g.fillRect(0, 0, 1169, 827);
  g.strokeStyle = ink;
  g.lineWidth = 2;
  for (let y = 120; y <= 720; y += 60) g.strokeRect(80, y, 1000, 60);
  for (let x = 80; x <= 1080; x += 125) g.strokeRect(x, 120, 125, 600);
  g.fillStyle = ink;
  g.font = '24px sans-serif';
  for (let y = 160; y < 720; y += 60) g.fillText('国家中小学智慧教育平台 资源', 95, y);
  return canvas.encode('jpeg', quality);
}

async function sealCheckOfScan(jpeg: Buffer) {
  const doc = await PDFDocument.create();
  doc.addPage([842, 595]).drawImage(await doc.embedJpg(jpeg), { x: 0, y: 0, width: 842, height: 595 });
  return sealCheckOf(await doc.save());
}

async function sealCheckOfFile(name: string) {
  return sealCheckOf(readFileSync(fileURLToPath(new URL(`../fixtures/seal/${name}`, import.meta.url))));
}


describe('jpegQuality', () => {
  it.each([1, 2, 5, 10, 20, 50, 70, 90])('reads quality %i back from a JPEG saved at it', async (quality) => {
    // Below 3 every low frequency is clamped at 255, so 1 and 2 are one table; above 50 the table's rounding blurs 1.
    expect(Math.abs(jpegQuality(await tableScan(quality))! - Math.max(2, quality))).toBeLessThanOrEqual(1);
  });

  it('reads a 16-bit table (precision 1) and finds table 0 after another table in the same segment', () => {
    const chroma = [1, ...Array(64).fill(99)];
    const luma = [0x10, ...[32, 22, 24, 28, 24, 20, ...Array(58).fill(200)].flatMap((v) => [v >> 8, v & 255])];
    const segment = [...chroma, ...luma];
    const bytes = Uint8Array.from([0xff, 0xd8, 0xff, 0xdb, (segment.length + 2) >> 8, (segment.length + 2) & 255, ...segment, 0xff, 0xda]);
    expect(jpegQuality(bytes)).toBe(25);
  });

  it('gives null for bytes that are not a JPEG, a JPEG cut short, and a scan that comes before any table', () => {
    expect(jpegQuality(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(jpegQuality(Uint8Array.from([0xff, 0xd8, 0xff, 0xdb, 0x00, 0x43, 0x00, 16]))).toBeNull();
    expect(jpegQuality(Uint8Array.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x02, 0xff, 0xdb]))).toBeNull();
  });
});

describe('seal check of a scan too coarse or too compressed', () => {
  it('says how compressed when no seal is seen, so the answer asks for a better scan', async () => {
    const check = await sealCheckOfScan(await tableScan(10));
    expect(check).toMatchObject({ stamps: [], greyscaleOnly: false, poorScan: { dpi: 150, quality: 10 } });
  });

  it('says how coarse when no seal is seen', async () => {
    const check = await sealCheckOfScan(await tableScan(85, 60));
    expect(check).toMatchObject({ stamps: [], greyscaleOnly: false, poorScan: { dpi: 60, quality: 85 } });
  });

  it('does not call a colour scan grey-scale when its compression took the paper tint away', async () => {
    const check = await sealCheckOfScan(await tableScan(2));
    expect(check).toMatchObject({ stamps: [], greyscaleOnly: false, poorScan: { dpi: 150, quality: 2 } });
  });

  it('says nothing of the scan at 100 dpi and ordinary quality, in colour or in grey', async () => {
    expect(await sealCheckOfScan(await tableScan(60, 100))).toMatchObject({ stamps: [], greyscaleOnly: false, poorScan: null });
    const grey = await sealCheckOfScan(await tableScan(60, 100, 'rgb(30, 30, 30)', 'rgb(245, 245, 245)'));
    expect(grey).toMatchObject({ stamps: [], greyscaleOnly: true, poorScan: null });
  });

  it('on the corpus sample: said for an unstamped quality-2 scan, unsaid for a quality-5 scan whose seal is seen', async () => {
    const trap = await sealCheckOfFile('301-trap-compressed-scan.pdf');
    expect(trap).toMatchObject({ stamps: [], greyscaleOnly: false, poorScan: { quality: 2 } });
    const stamped = await sealCheckOfFile('285-stamped-compressed-scan.pdf');
    expect(stamped.stamps.length).toBeGreaterThan(0);
    expect(stamped.poorScan).toBeNull();
  });
});

describe('sharpnessOf', () => {
  it('reads no JPEG quality into a lossless Flate image, whatever its bytes hold', async () => {
    // A quality-1 JPEG's bytes: as a JPEG they say quality 2 (its table is clamped); as a Flate image's, nothing.
    const bytes = await tableScan(1);
    const placed = { bytes, matrix: [842, 0, 0, 595, 0, 0] as [number, number, number, number, number, number], width: 1754, height: 1240, progressive: false };
    expect(sharpnessOf([{ ...placed, flate: null }], 1)).toEqual({ dpi: 150, quality: 2 });
    expect(sharpnessOf([{ ...placed, flate: { components: 3, pngRows: false } }], 1)).toEqual({ dpi: 150, quality: null });
  });
});
