// An embedded CFF font damaged so that pdf.js would spend gigabytes or minutes on it is refused before pdf.js opens
// the file (UNREADABLE_ATTACHMENT naming the damaged font), and a sound one is not: checked on fonts built here byte
// by byte, on the two the fuzzer found, and on every sound CFF font among the fixtures.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cffCost } from '../../src/pdf/cff-cost.ts';
import { hasFontBomb } from '../../src/pdf/font-bombs.ts';
import { openPdf } from '../../src/pdf/open-pdf.ts';
import { PdfObjects } from '../../src/pdf/pdf-objects.ts';
import { readPdfAttachment } from '../../src/pdf/read-pdf-attachment.ts';
import { campaign, fixtureFile } from '../hostile/hostile-kit.ts';
import { flateStream, onePagePdf } from '../hostile/raw-pdf.ts';

/** A CFF INDEX with these offsets (1-based, as written) over `data`: sound when they rise by each object's length. */
function rawIndex(offsets: number[], data: number[]): number[] {
  const count = offsets.length - 1;
  return [count >> 8, count & 255, 4, ...offsets.flatMap((o) => [o >>> 24, (o >>> 16) & 255, (o >>> 8) & 255, o & 255]), ...data];
}
const soundIndex = (objects: number[][]) =>
  rawIndex(objects.reduce((offsets, o) => [...offsets, offsets.at(-1)! + o.length], [1]), objects.flat());
/** A DICT entry with 32-bit operands, so that its length does not depend on the offsets it holds. */
const entry = (op: number[], ...operands: number[]) =>
  [...operands.flatMap((v) => [29, (v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255]), ...op];

/**
 * A CFF font whose private DICT names `subrs`: [header, name, top DICT, strings, global subroutines, charstrings,
 * private DICT, subroutines] laid end to end. A CID font (`fontDicts` > 0) has that many font DICTs, all naming the
 * one private DICT.
 */
function cffFont(subrs: number[], fontDicts = 0): Uint8Array {
  const cid = fontDicts > 0;
  const [header, name, strings, globalSubrs, charStrings] = [[1, 0, 4, 4], soundIndex([[65]]), soundIndex([]), soundIndex([]), soundIndex([[14]])];
  const privateDict = entry([19], 6); // the subroutines right after this 6-byte DICT
  // Every operand is 32-bit, so each part's length is known before the offsets it holds.
  const topDict = (charStringsAt: number, fdArrayAt: number, privateAt: number) => soundIndex([[
    ...(cid ? [...entry([12, 30], 0, 0, 0), ...entry([12, 36], fdArrayAt)] : []),
    ...entry([17], charStringsAt), ...entry([18], privateDict.length, privateAt),
  ]]);
  const fdArray = (privateAt: number) =>
    cid ? soundIndex(Array.from({ length: fontDicts }, () => entry([18], privateDict.length, privateAt))) : [];
  const charStringsAt = header.length + name.length + topDict(0, 0, 0).length + strings.length + globalSubrs.length;
  const fdArrayAt = charStringsAt + charStrings.length;
  const privateAt = fdArrayAt + fdArray(0).length;
  return Uint8Array.from([...header, ...name, ...topDict(charStringsAt, fdArrayAt, privateAt), ...strings,
    ...globalSubrs, ...charStrings, ...fdArray(privateAt), ...privateDict, ...subrs]);
}

const bytes = (n: number) => Array.from({ length: n }, (_, i) => i & 255);
/** 2,000 subroutines of 10 bytes, sound. */
const soundSubrs = soundIndex(Array.from({ length: 2000 }, (_, i) => bytes(10 + (i & 1))));
/** The same bytes, but every other offset points back at the start: each odd subroutine is then the whole INDEX. */
const overlappingSubrs = rawIndex(Array.from({ length: 2001 }, (_, i) => (i % 2 ? 21_000 : 1)), bytes(21_000));
/** 65,535 empty subroutines. */
const emptySubrs = rawIndex(new Array(65_536).fill(1), []);
const limits = { indexBytes: 16 << 20, work: 4_000_000 };

/** A one-page PDF that embeds the font as a FontFile3 stream (not drawn: the check looks at every such stream). */
const pdfWithFont = (font: Uint8Array, subtype = 'Type1C') =>
  onePagePdf('', 'BT ET', [flateStream(`/Subtype /${subtype}`, Buffer.from(font))]);

describe('the cost of a CFF font to pdf.js', () => {
  it('is less than its length when it is sound, and many times it when its offsets overlap', () => {
    const sound = cffFont(soundSubrs);
    expect(cffCost(sound, limits).indexBytes).toBeGreaterThan(21_000);
    expect(cffCost(sound, limits).indexBytes).toBeLessThan(sound.length);
    const damaged = cffFont(overlappingSubrs);
    expect(damaged.length).toBeLessThan(40_000);
    expect(cffCost(damaged, { ...limits, indexBytes: 1e9 }).indexBytes).toBeGreaterThan(1000 * 20_000);
  });

  it('counts a private DICT\'s subroutines once for each font DICT that names it, as pdf.js compiles them', () => {
    const font = cffFont(soundSubrs, 3);
    const one = cffCost(cffFont(soundSubrs, 1), limits).indexBytes;
    expect(cffCost(font, limits).indexBytes - one).toBeGreaterThan(2 * 21_000);
  });

  it('counts the entries read, and stops once past a limit', () => {
    const costly = cffFont(emptySubrs, 1000); // a thousand font DICTs naming 65,535 subroutines each
    const cost = cffCost(costly, limits);
    expect(cost.indexBytes).toBeLessThan(1 << 20);
    expect(cost.work).toBeGreaterThan(limits.work);
    expect(cost.work).toBeLessThan(limits.work + 2 * 65_536);
  });
});

describe('a PDF with a damaged CFF font', () => {
  it('is refused before pdf.js opens it, when the font would cost gigabytes or minutes', async () => {
    for (const font of [cffFont(overlappingSubrs), cffFont(emptySubrs, 1000)]) {
      expect(hasFontBomb(pdfWithFont(font))).toBe(true);
      expect(hasFontBomb(pdfWithFont(font, 'CIDFontType0C'))).toBe(true);
    }
    // The two the fuzzer found (BENCHMARKS.md: 2 GB, and two minutes without yielding).
    for (const file of ['cff-font-bloats-heap.pdf', 'cff-font-parse-takes-minutes.pdf']) {
      const { reading, opened } = await readPdfAttachment({ filename: file, contentType: 'application/pdf', content: fixtureFile(`pdf/${file}`) }, campaign.form);
      expect(opened).toBeNull();
      expect(reading).toEqual({ file, ok: false, reason: 'PDF 文件中嵌入的字体数据已损坏，无法读取' });
    }
  });

  it('is opened as before when the font is sound, or not a CFF font', async () => {
    expect(hasFontBomb(pdfWithFont(cffFont(soundSubrs)))).toBe(false);
    expect(hasFontBomb(pdfWithFont(cffFont(soundSubrs, 3), 'CIDFontType0C'))).toBe(false);
    expect(hasFontBomb(pdfWithFont(cffFont(overlappingSubrs), 'OpenType'))).toBe(false);
    await expect(openPdf(pdfWithFont(cffFont(soundSubrs))).then((opened) => opened.close())).resolves.toBeUndefined();
  });

  it('is not seen in the sound CFF fonts of the fixtures (exports of Word tables)', () => {
    const damaged = ['cff-font-bloats-heap.pdf', 'cff-font-parse-takes-minutes.pdf'];
    const files = readdirSync(new URL('../fixtures/pdf/', import.meta.url)).filter((f) => f.endsWith('.pdf') && !damaged.includes(f));
    const withCff = files.filter((f) => {
      const objects = new PdfObjects(fixtureFile(`pdf/${f}`));
      return [...objects.plainStreams(/\/Subtype\s*\/(?:Type1C|CIDFontType0C)\b/)].length > 0;
    });
    expect(withCff.length).toBeGreaterThanOrEqual(7);
    for (const f of files) expect(hasFontBomb(fixtureFile(`pdf/${f}`)), f).toBe(false);
  });
});
