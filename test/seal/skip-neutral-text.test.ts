// The seal check's render leaves black and grey text out (the cost of a text page) but draws red text, lines and
// shapes as they are; a render for a person draws everything.
import {
  PDFDocument, StandardFonts, beginText, drawObject, endText, moveText, rgb, setFillingGrayscaleColor, setFillingRgbColor,
  setFontAndSize, showText,
} from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { openPdf } from '../../src/pdf/open-pdf.ts';
import { renderPage } from '../../src/seal/render-page.ts';
import { paintsOnlyGrey } from '../../src/seal/skip-neutral-text.ts';
import { pageOperators } from '../../src/pdf/page-operators.ts';
import { appendContent } from '../pdf/page-content.ts';

/** An A4 landscape page: black and grey text on the left, red text on the right, a black rule below. */
async function textPage(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage([842, 595]);
  page.drawText('BLACK TEXT', { x: 10, y: 100, size: 28, font, color: rgb(0, 0, 0) });
  page.drawText('GREY', { x: 10, y: 60, size: 28, font, color: rgb(0.4, 0.4, 0.4) });
  page.drawText('RED', { x: 250, y: 100, size: 28, font, color: rgb(0.85, 0.1, 0.1) });
  page.drawRectangle({ x: 10, y: 20, width: 380, height: 3, color: rgb(0, 0, 0) });
  return doc.save();
}

/** Red is set, then a form XObject sets black for its own text, then red text follows: PDF restores the red after
 *  the form, so the last text is red. */
async function redAfterBlackForm(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage([842, 595]);
  const fontName = page.node.newFontDictionary('F1', font.ref);
  const form = doc.context.register(doc.context.formXObject(
    [setFillingGrayscaleColor(0), beginText(), setFontAndSize(fontName, 28), moveText(10, 100), showText(font.encodeText('BLACK')), endText()],
    { BBox: [0, 0, 842, 595], Resources: { Font: { [fontName.asString()]: font.ref } } },
  ));
  const formName = page.node.newXObject('Fm1', form);
  page.pushOperators(
    setFillingRgbColor(0.85, 0.1, 0.1), drawObject(formName),
    beginText(), setFontAndSize(fontName, 28), moveText(250, 100), showText(font.encodeText('RED')), endText(),
  );
  return doc.save();
}

/** A Type3 font whose one glyph paints a red square in its own colour (d0), shown while the fill colour is black,
 *  as a seal can reach a page as a glyph: drawn red whatever the text colour. */
async function type3RedGlyph(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([842, 595]);
  const glyph = doc.context.register(doc.context.flateStream('1000 0 d0 0.85 0.1 0.1 rg 0 0 1000 1000 re f'));
  const font = doc.context.register(doc.context.obj({
    Type: 'Font', Subtype: 'Type3', FontBBox: [0, 0, 1000, 1000], FontMatrix: [0.001, 0, 0, 0.001, 0, 0],
    CharProcs: { square: glyph }, Encoding: { Type: 'Encoding', Differences: [65, 'square'] },
    FirstChar: 65, LastChar: 65, Widths: [1000], Resources: {},
  }));
  appendContent(doc, page, 'BT /T3 40 Tf 0 g 250 100 Td (A) Tj ET', { Font: { T3: font } });
  return doc.save();
}

type Count = { dark: number; red: number };

/** Black and grey text and a black rule, and optionally a small picture (2 x 2 pixels, black and white). */
async function greyPage(withPicture: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage([842, 595]);
  page.drawText('BLACK TEXT', { x: 10, y: 100, size: 28, font, color: rgb(0, 0, 0) });
  page.drawText('GREY', { x: 10, y: 60, size: 28, font, color: rgb(0.4, 0.4, 0.4) });
  page.drawRectangle({ x: 10, y: 20, width: 380, height: 3, color: rgb(0, 0, 0) });
  if (withPicture) {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAAAAABX3VL4AAAADklEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==', 'base64');
    page.drawImage(await doc.embedPng(png), { x: 500, y: 300, width: 40, height: 40 });
  }
  return doc.save();
}

async function neutralOnly(pdf: Uint8Array, skipNeutralText = true): Promise<boolean> {
  const opened = await openPdf(pdf);
  try {
    return (await renderPage(opened.document, 1, { dpi: 72, maxPixels: 1_000_000, skipNeutralText })).neutralOnly;
  } finally {
    await opened.close();
  }
}

async function inkIn(pdf: Uint8Array, skipNeutralText: boolean, x0: number, x1: number, y0: number, y1: number): Promise<Count> {
  const opened = await openPdf(pdf);
  try {
    const raster = await renderPage(opened.document, 1, { dpi: 72, maxPixels: 1_000_000, skipNeutralText });
    const { data, width } = raster.context.getImageData(0, 0, raster.width, raster.height);
    const count = { dark: 0, red: 0 };
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const i = (y * width + x) * 4;
        if (data[i] < 160 && data[i + 1] < 160 && data[i + 2] < 160) count.dark++;
        if (data[i] > 150 && data[i + 1] < 90 && data[i + 2] < 90) count.red++;
      }
    }
    return count;
  } finally {
    await opened.close();
  }
}

describe('seal render without neutral text', () => {
  it('leaves out black and grey text and keeps red text and black rules', async () => {
    const pdf = await textPage();
    // Page coordinates run up from the bottom; pixel rows down from the top (595 pt high at 72 dpi).
    const textRows = [455, 540] as const;
    expect((await inkIn(pdf, false, 0, 240, ...textRows)).dark).toBeGreaterThan(500);
    expect((await inkIn(pdf, true, 0, 240, ...textRows)).dark).toBe(0);
    expect((await inkIn(pdf, true, 240, 400, ...textRows)).red).toBeGreaterThan(200);
    expect((await inkIn(pdf, true, 0, 400, 570, 577)).dark).toBeGreaterThan(300);
  });

  it('keeps coloured text that follows a form XObject which drew black text (the form does not leak its colour)', async () => {
    const pdf = await redAfterBlackForm();
    const textRows = [455, 500] as const;
    expect((await inkIn(pdf, true, 0, 240, ...textRows)).dark).toBe(0);
    expect((await inkIn(pdf, true, 240, 400, ...textRows)).red).toBeGreaterThan(200);
  });

  it('keeps text in a Type3 font, whose glyph paints in its own colour whatever the text colour', async () => {
    // The 40 pt glyph square stands at x 250-290, y 100-140 up from the bottom: rows 455-495.
    expect((await inkIn(await type3RedGlyph(), true, 250, 290, 455, 495)).red).toBeGreaterThan(1500);
  });
});

describe('what the seal render tells of its page', () => {
  it('a page of black and grey text and rules has nothing but grey on it: no pixel needs a look', async () => {
    expect(await neutralOnly(await greyPage(false))).toBe(true);
  });

  it('red text, text in a Type3 font, or any picture (even a black-and-white one), means the pixels are looked at', async () => {
    expect(await neutralOnly(await textPage())).toBe(false);
    expect(await neutralOnly(await type3RedGlyph())).toBe(false);
    expect(await neutralOnly(await greyPage(true))).toBe(false);
  });

  it('a render for a person, without the filter, claims nothing', async () => {
    expect(await neutralOnly(await greyPage(false), false)).toBe(false);
  });

  it('read before any render, the operator list tells the same as the render does', async () => {
    const pages = [await greyPage(false), await greyPage(true), await textPage(), await redAfterBlackForm(), await type3RedGlyph()];
    for (const [k, pdf] of pages.entries()) {
      const opened = await openPdf(pdf);
      try {
        const page = await opened.document.getPage(1);
        expect(paintsOnlyGrey(page, await pageOperators(page)), `page ${k}`).toBe(await neutralOnly(pdf));
      } finally {
        await opened.close();
      }
    }
  });
});
