// A PDF whose ICC profiles hold Lab colours is read with those profiles given a Lab /Alternate, in an incremental
// update that leaves the file's own bytes as they were; any other PDF is read as it is.
import { PDFDocument, PDFName, PDFRawStream, StandardFonts, type PDFDict } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { withLabAlternates } from '../../src/pdf/lab-profiles.ts';
import { openPdf } from '../../src/pdf/open-pdf.ts';
import { PdfObjects } from '../../src/pdf/pdf-objects.ts';
import { isDict, isName } from '../../src/pdf/pdf-syntax.ts';
import { iccProfile } from './icc-profile.ts';

/** Two pages of text, each filling a box in a colour space with this ICC profile. */
async function pdfWithProfile(colours: 'Lab ' | 'RGB ', useObjectStreams: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const profile = doc.context.register(PDFRawStream.of(doc.context.obj({ N: 3 }) as PDFDict, iccProfile(colours)));
  for (const n of [1, 2]) {
    const page = doc.addPage([595, 842]);
    page.drawText(`page ${n} title`, { x: 50, y: 700, size: 12, font });
    page.node.Resources()!.set(PDFName.of('ColorSpace'), doc.context.obj({ P: [PDFName.of('ICCBased'), profile] }));
    const ops = doc.context.flateStream('q /P cs 48 70 45 scn 100 100 200 200 re f Q');
    page.node.addContentStream(doc.context.register(ops));
  }
  return doc.save({ useObjectStreams });
}

async function textOf(pdf: Uint8Array): Promise<string[]> {
  const opened = await openPdf(pdf);
  try {
    const pages: string[] = [];
    for (let n = 1; n <= opened.document.numPages; n++) {
      const content = await (await opened.document.getPage(n)).getTextContent();
      pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
    }
    return pages;
  } finally {
    await opened.close();
  }
}

describe('Lab ICC profiles', () => {
  it('leave a PDF without one as it is', async () => {
    const pdf = await pdfWithProfile('RGB ', true);
    expect(withLabAlternates(pdf)).toBe(pdf);
  });

  it.each([true, false])('are given a Lab alternate after the file\'s own bytes (object streams: %s)', async (packed) => {
    const pdf = await pdfWithProfile('Lab ', packed);
    const updated = withLabAlternates(pdf);
    expect(updated.length).toBeGreaterThan(pdf.length);
    expect(Buffer.from(updated.subarray(0, pdf.length)).equals(Buffer.from(pdf))).toBe(true);
    const profiles = [...new PdfObjects(updated).plainStreams(/\/N\s*3\b/)].map(({ object }) => object.value);
    const alternate = profiles.filter(isDict).map((dict) => dict.get('Alternate')).at(-1);
    expect(Array.isArray(alternate) && isName(alternate[0], 'Lab')).toBe(true);
    // The document reads as before: its pages and their text.
    expect(await textOf(updated)).toEqual(['page 1 title', 'page 2 title']);
    // Once given, the alternate is not given again.
    expect(withLabAlternates(updated)).toBe(updated);
  });

  it('leave an encrypted PDF as it is (its profiles cannot be read)', async () => {
    const pdf = Buffer.from(await pdfWithProfile('Lab ', false));
    const encrypted = Buffer.from(pdf.toString('latin1').replace('/Root', '/Encrypt 99 0 R /Root'), 'latin1');
    expect(withLabAlternates(encrypted)).toBe(encrypted);
  });
});
