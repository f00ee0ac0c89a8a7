// Pages over the bound on images decoded whole (50 million pixels): a sequential JPEG or an RGB or grey Flate image is
// read at an eighth of its size and its seal found; any other image that size, which pdf.js leaves out, is answered as
// too large to check, never as a missing seal (an outside examiner's 720 dpi scan, and the same page printed through
// a PostScript driver, were both answered NO_STAMP).
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/types.ts';
import { check, countyEmail, errorOf, fixtureFile, goodDocx } from '../hostile/hostile-kit.ts';
import { flateStream, onePagePdf } from '../hostile/raw-pdf.ts';
import { withFrame } from './jpeg-frame.ts';
import { scanJpeg } from './scan-pdf.ts';
import { sealCheckOf } from './seal-check-of.ts';

const FILE = '平江县推荐表扫描件.pdf';
const checkWithPdf = (content: Buffer) =>
  check(countyEmail([goodDocx(), { filename: FILE, contentType: 'application/pdf', content }]));
const codes = (v: Verdict) => v.errors.map((e) => e.code);

/** An A4 page drawing one image XObject over the whole page. */
const imagePage = (image: string) => onePagePdf('/XObject << /Im1 5 0 R >>', 'q 595 0 0 842 0 0 cm /Im1 Do Q', [image]);

/** A JPEG image XObject whose dictionary and frame header both claim this kind and size. */
async function jpegPage(marker: 0xc0 | 0xc2, width: number, height: number): Promise<Buffer> {
  const jpeg = withFrame(await scanJpeg(), marker, width, height).toString('latin1');
  return imagePage(`<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB `
    + `/BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n${jpeg}\nendstream`);
}

/** A CMYK Flate image of this size, as a PostScript printer driver may write a rasterised page: not read at an eighth
 *  (RGB and grey only); its data is never read. */
const flateImage = (width: number, height: number) => flateStream(
  `/Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceCMYK /BitsPerComponent 8`,
  Buffer.alloc(64 * 1024, 0xf0));

function expectTooLarge(v: Verdict, width: number, height: number) {
  expect(codes(v)).toEqual(['UNREADABLE_ATTACHMENT']);
  const message = errorOf(v, 'UNREADABLE_ATTACHMENT')!.message;
  expect(message).toContain(`《${FILE}》第1页的图像有${width}×${height}像素`);
  expect(message).toContain('超过5000万像素的上限');
  expect(message).toContain('200–300 dpi的分辨率重新扫描');
}

describe('scans over the bound on images decoded whole', () => {
  it.each(['scan-720dpi-stamped.pdf', 'scan-720dpi-stamped-flate.pdf'])('a stamped 720 dpi page (one 8419 × 5953 image: %s) is read at an eighth of its size and its seal found', async (file) => {
    const check = await sealCheckOf(fixtureFile(`pdf/${file}`));
    expect(check.stamps).toHaveLength(1);
    // The seal is drawn 42 mm across (119 pt) with its centre 60 mm from the left, 45 mm from the top.
    const [x, y, w] = check.stamps[0].box;
    expect({ page: check.stamps[0].page, x: Math.round(x / 10), y: Math.round(y / 10), w: Math.round(w / 10) })
      .toEqual({ page: 1, x: 11, y: 7, w: 12 });
    expect(check.tooLargeImage).toBeNull();
  });

  it('a page printed to a 8419 × 5953 CMYK Flate image is returned as too large to check, not for a missing seal', async () => {
    expectTooLarge(await checkWithPdf(imagePage(flateImage(8419, 5953))), 8419, 5953);
  });

  it('such an image drawn inside a form XObject is found there too', async () => {
    const form = flateStream('/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /Im1 6 0 R >> >>',
      Buffer.from('q 595 0 0 842 0 0 cm /Im1 Do Q', 'latin1'));
    expectTooLarge(await checkWithPdf(onePagePdf('/XObject << /Fm1 5 0 R >>', '/Fm1 Do', [form, flateImage(8419, 5953)])), 8419, 5953);
  });

  it('a progressive JPEG that size is not decoded (its decoder would hold every coefficient): too large to check', async () => {
    expectTooLarge(await checkWithPdf(await jpegPage(0xc2, 8419, 5953)), 8419, 5953);
  });

  it('a JPEG header declaring 60000 × 60000 is never decoded: too large to check, within seconds', async () => {
    const started = performance.now();
    expectTooLarge(await checkWithPdf(await jpegPage(0xc0, 60_000, 60_000)), 60_000, 60_000);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
