// PDFs built to hurt a reader, each in a county's email beside an intact Word table: every one ends in a returned
// filing whose message says in Chinese what is wrong with the PDF, never in a crash, a hang or a blown heap.
import { describe, expect, it } from 'vitest';
import { openPdf } from '../../src/pdf/open-pdf.ts';
import { renderPage } from '../../src/seal/render-page.ts';
import type { Verdict } from '../../src/types.ts';
import { check, countyEmail, errorOf, fixtureFile, goodDocx } from './hostile-kit.ts';
import { flateStream, onePagePdf, rawPdf } from './raw-pdf.ts';

const pdf = (content: Buffer) => ({ filename: '湘阴县推荐表（盖章）.pdf', contentType: 'application/pdf', content });
const checkWithPdf = (content: Buffer) => check(countyEmail([goodDocx(), pdf(content)]));
const codes = (v: Verdict) => v.errors.map((e) => e.code);

/** An image XObject declaring width x height RGB pixels, drawn over the whole page: mid-grey, with a dark band across
 *  its middle where the data reaches it (a grey page with something on it). */
function imagePdf(width: number, height: number, dataBytes: number): Buffer {
  const pixels = Buffer.alloc(dataBytes, 0x80);
  const row = width * 3;
  pixels.fill(0x20, Math.min(dataBytes, Math.floor(height / 2) * row), Math.min(dataBytes, (Math.floor(height / 2) + Math.ceil(height / 50)) * row));
  const image = flateStream(`/Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8`,
    pixels);
  return onePagePdf('/XObject << /Im1 5 0 R >>', 'q 595 0 0 842 0 0 cm /Im1 Do Q', [image]);
}

function deeplyNestedPdf(depth: number): Buffer {
  const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
  const dictionaries = `${'<< /A '.repeat(depth)}1${' >>'.repeat(depth)}`;
  return onePagePdf('', `${nested} pop BT ET`, [dictionaries], `/Deep ${nested} /Deeper 5 0 R`);
}

/** One page 1 point wide and 10^11 points long (found by the fuzzer: seed 1, cases 829 and 983). */
const stripPdf = () => rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 1 99999999999] >>']);

describe('hostile PDF attachments', () => {
  it('a PDF whose page is a million points square is drawn within the pixel budget and returned for its missing seal', async () => {
    const v = await checkWithPdf(fixtureFile('pdf/huge-mediabox.pdf'));
    expect(v.decision).toBe('reject');
    expect(errorOf(v, 'NO_STAMP')?.message).toContain('《湘阴县推荐表（盖章）.pdf》中未发现单位公章');
  });

  it('a PDF page 1 point wide and 10^11 long is drawn as a strip of at most 10,000 pixels, not gigabytes', async () => {
    const opened = await openPdf(stripPdf());
    try {
      const raster = await renderPage(opened.document, 1);
      expect(raster.width * raster.height).toBeLessThanOrEqual(10_000);
    } finally {
      await opened.close();
    }
    expect(errorOf(await checkWithPdf(stripPdf()), 'NO_STAMP')).toBeDefined();
  });

  it('a PDF declaring a 40000 × 40000 image is judged without decoding the image: too large to check for a seal', async () => {
    const v = await checkWithPdf(imagePdf(40_000, 40_000, 1024 * 1024));
    expect(codes(v)).toEqual(['UNREADABLE_ATTACHMENT']);
    expect(errorOf(v, 'UNREADABLE_ATTACHMENT')?.message).toContain('第1页的图像有40000×40000像素（约160000万像素），超过5000万像素的上限');
  });

  it('a PDF declaring a 12000 × 12000 image over 1 MB of data is read at an eighth as far as its data goes: no seal', async () => {
    const v = await checkWithPdf(imagePdf(12_000, 12_000, 1024 * 1024));
    expect(codes(v)).toEqual(['NO_STAMP']);
    expect(errorOf(v, 'NO_STAMP')?.message).toContain('未发现单位公章');
  });

  it('a PDF with an image just under the pixel bound (7000 × 7000) is decoded and judged: a grey page, no seal', async () => {
    const v = await checkWithPdf(imagePdf(7000, 7000, 7000 * 7000 * 3));
    expect(codes(v)).toEqual(['NO_STAMP']);
    expect(errorOf(v, 'NO_STAMP')?.message).toContain('灰度');
  });

  it('a PDF nesting arrays and dictionaries 100,000 deep is returned as damaged, not a stack overflow', async () => {
    const v = await checkWithPdf(deeplyNestedPdf(100_000));
    expect(codes(v)).toEqual(['UNREADABLE_ATTACHMENT']);
    expect(errorOf(v, 'UNREADABLE_ATTACHMENT')?.message).toContain('已损坏或不完整');
  });

  it('a PDF of 3000 pages is refused naming the 50-page limit', async () => {
    const v = await checkWithPdf(fixtureFile('pdf/many-pages.pdf'));
    expect(codes(v)).toEqual(['UNREADABLE_ATTACHMENT']);
    expect(errorOf(v, 'UNREADABLE_ATTACHMENT')?.message).toContain('PDF 共 3000 页，超过 50 页的上限');
  });

  it('a password-protected PDF is refused as encrypted, asking for one without a password', async () => {
    const v = await checkWithPdf(fixtureFile('pdf/encrypted-password.pdf'));
    expect(codes(v)).toEqual(['UNREADABLE_ATTACHMENT']);
    expect(errorOf(v, 'UNREADABLE_ATTACHMENT')?.message).toContain('PDF 文件设有密码或已加密');
  });
});
