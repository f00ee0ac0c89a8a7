// Soft masks set in the graphics state, drawn by pdf.js under Node through the project's canvas filters: a red square
// under each mask, left and right halves read back. Expected colours are what Poppler (pdftoppm) draws for the same
// files. Without the filters pdf.js drew the square under a luminosity mask, or under an alpha mask with a transfer
// function, whole.
import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { MaskFilterFactory, MaskingCanvasFactory } from '../../src/pdf/canvas-filters.ts';
import { openPdf } from '../../src/pdf/open-pdf.ts';
import { renderPage } from '../../src/seal/render-page.ts';
import { appendContent } from './page-content.ts';
import { softMaskState, type SoftMask } from './soft-mask.ts';

const RED = [204, 26, 26];
const WHITE = [255, 255, 255];
// 400 pt (141 mm) square: within paper sizes, so rendered at 72 dpi, one pixel a point.
const SIDE = 400;
const LEFT_HALF = `0 0 ${SIDE / 2} ${SIDE} re f`;

async function halves(mask: SoftMask): Promise<{ left: number[]; right: number[] }> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([SIDE, SIDE]);
  appendContent(doc, page, `q /SM gs 0.8 0.1 0.1 rg 0 0 ${SIDE} ${SIDE} re f Q`, { ExtGState: { SM: softMaskState(doc, page, mask) } });
  const opened = await openPdf(await doc.save());
  try {
    const { context } = await renderPage(opened.document, 1, { dpi: 72, maxPixels: 1_000_000 });
    const rgbAt = (x: number) => [...context.getImageData(x, SIDE / 2, 1, 1).data.slice(0, 3)];
    return { left: rgbAt(SIDE / 4), right: rgbAt((SIDE * 3) / 4) };
  } finally {
    await opened.close();
  }
}

function expectColour(actual: number[], expected: number[]) {
  actual.forEach((v, i) => expect(Math.abs(v - expected[i]), `${actual} against ${expected}`).toBeLessThanOrEqual(3));
}

describe('soft masks in the graphics state', () => {
  it('a luminosity mask shows what it paints white and hides what it paints black', async () => {
    const { left, right } = await halves({ subtype: 'Luminosity', groupOps: `0 g 0 0 ${SIDE} ${SIDE} re f 1 g ${LEFT_HALF}` });
    expectColour(left, RED);
    expectColour(right, WHITE);
  });

  it('a mid-grey luminosity mask draws at half strength', async () => {
    const { left } = await halves({ subtype: 'Luminosity', groupOps: `0.5 g 0 0 ${SIDE} ${SIDE} re f` });
    expectColour(left, [230, 140, 140]);
  });

  it('a luminosity mask over a white backdrop (/BC) shows where its group draws nothing', async () => {
    const { left, right } = await halves({ subtype: 'Luminosity', groupOps: `0 g ${LEFT_HALF}`, backdrop: 1 });
    expectColour(left, WHITE);
    expectColour(right, RED);
  });

  it('an alpha mask with an inverting transfer function (/TR) hides where its group draws', async () => {
    const { left, right } = await halves({ subtype: 'Alpha', groupOps: `0 g ${LEFT_HALF}`, transfer: [1, 0] });
    expectColour(left, WHITE);
    expectColour(right, RED);
  });

  it('an alpha mask without a transfer function is drawn by pdf.js itself, as before', async () => {
    const { left, right } = await halves({ subtype: 'Alpha', groupOps: `0 g ${LEFT_HALF}` });
    expectColour(left, RED);
    expectColour(right, WHITE);
  });

  it('masks used one after another each shape their own drawing, and a mask shapes every drawing made under it', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([SIDE, SIDE]);
    const h = SIDE / 2;
    // Each mask shows one quadrant; pdf.js draws a mask again after each drawing made under it, and reuses the
    // canvas of the mask before last for the next one.
    const quadrant = (x: number, y: number) => softMaskState(doc, page, { subtype: 'Luminosity', groupOps: `0 g 0 0 ${SIDE} ${SIDE} re f 1 g ${x} ${y} ${h} ${h} re f` });
    const halvesOf = (colour: string) => `${colour} rg 0 0 ${h} ${SIDE} re f ${h} 0 ${h} ${SIDE} re f`;
    appendContent(doc, page, [
      `q /TopLeft gs ${halvesOf('0.8 0.1 0.1')} Q`, `q /TopRight gs ${halvesOf('0.1 0.1 0.8')} Q`, `q /BottomLeft gs ${halvesOf('0.1 0.6 0.1')} Q`,
    ].join('\n'), { ExtGState: { TopLeft: quadrant(0, h), TopRight: quadrant(h, h), BottomLeft: quadrant(0, 0) } });
    const opened = await openPdf(await doc.save());
    try {
      const { context } = await renderPage(opened.document, 1, { dpi: 72, maxPixels: 1_000_000 });
      const rgbAt = (x: number, y: number) => [...context.getImageData(x, y, 1, 1).data.slice(0, 3)];
      const [near, far] = [SIDE / 4, (SIDE * 3) / 4];
      expectColour(rgbAt(near, near), RED);
      expectColour(rgbAt(far, near), [26, 26, 204]);
      expectColour(rgbAt(near, far), [26, 153, 26]);
      expectColour(rgbAt(far, far), WHITE);
    } finally {
      await opened.close();
    }
  });

  it('a mask canvas drawn again after it changed is read again', () => {
    const canvases = new MaskingCanvasFactory();
    const filters = new MaskFilterFactory();
    const mask = canvases.create(2, 1).context!;
    const layer = canvases.create(2, 1).context!;
    const maskedLayer = (maskColours: [string, string]) => {
      maskColours.forEach((colour, x) => {
        mask.fillStyle = colour;
        mask.fillRect(x, 0, 1, 1);
      });
      layer.globalCompositeOperation = 'source-over';
      layer.fillStyle = 'rgb(200, 0, 0)';
      layer.fillRect(0, 0, 2, 1);
      layer.save();
      layer.filter = filters.addLuminosityFilter();
      layer.globalCompositeOperation = 'destination-in';
      layer.drawImage(mask.canvas, 0, 0, 2, 1, 0, 0, 2, 1);
      layer.restore();
      return [...layer.getImageData(0, 0, 2, 1).data].filter((_, i) => i % 4 === 3);
    };
    expect(maskedLayer(['white', 'black'])).toEqual([255, 0]);
    expect(maskedLayer(['black', 'white'])).toEqual([0, 255]);
    expect(layer.filter).toBe('none');
    filters.destroy();
  });

  it('a mask filter is kept and dropped with the canvas state, as a browser canvas keeps its filter', () => {
    const canvases = new MaskingCanvasFactory();
    const target = canvases.create(1, 1);
    const context = target.context!;
    const name = new MaskFilterFactory().addLuminosityFilter();
    context.filter = name;
    context.save();
    context.filter = 'none';
    expect(context.filter).toBe('none');
    context.restore();
    expect(context.filter).toBe(name);
    // Resizing a canvas resets its state.
    canvases.reset(target, 2, 2);
    expect(context.filter).toBe('none');
  });
});
