// Turns one corpus case into PDF bytes, in the form it names: electronic (seal PNG over the exported page, a picture
// shaped by a soft mask, or a Type3 font's glyph), vector (seal drawn as red paths) or scan (whole page a JPEG, maybe
// under an invisible OCR layer); a case's seals and marks may instead be annotations over the page.
import { BlendMode, PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { makeRng } from './prng.ts';
import { sealCanvas } from './canvas-seal.ts';
import { annotatePage, centred, PT_PER_MM, sealPicture } from './annotation-marks.ts';
import { drawVectorSeal } from './vector-seal.ts';
import { drawSoftMaskedSeal } from './soft-mask-seal.ts';
import { drawType3Seal } from './type3-seal.ts';
import { scanPage } from './scan-page.ts';
import { addOcrLayer } from './ocr-layer.ts';
import { drawTrapPixels, drawTrapVector, type PaintedTrap } from './trap-marks.ts';
import type { CorpusCase } from './corpus-cases.ts';
import type { SealSpec } from './seal-layout.ts';

export async function buildCase(c: CorpusCase, base: Uint8Array): Promise<Uint8Array> {
  const pages = Array.from({ length: c.pages }, (_, i) => i);
  // Marks that go on as annotations are left out of the page itself.
  const onPage = c.sealAs ? { ...c, seals: [], traps: [] } : c;
  const doc = c.form === 'scan' ? await buildScan(onPage, base, pages, makeRng(c.seed)) : await buildDrawn(onPage, base, pages);
  if (c.sealAs) {
    for (const [i, page] of doc.getPages().entries()) {
      await annotatePage(doc, page, {
        seals: c.seals.filter((s) => s.page === i + 1), traps: c.traps.filter((t) => t.page === i + 1).map((t) => t.mark),
        sealAs: c.sealAs, uneven: c.uneven, seed: c.seed,
      });
    }
  }
  return doc.save();
}

async function buildDrawn(c: CorpusCase, base: Uint8Array, pages: number[]): Promise<PDFDocument> {
  const source = await PDFDocument.load(base);
  const out = await PDFDocument.create();
  for (const page of await out.copyPages(source, pages)) out.addPage(page);
  for (const [i, page] of out.getPages().entries()) {
    if (c.paper) page.drawRectangle({ x: 0, y: 0, width: page.getWidth(), height: page.getHeight(), color: rgb(...(c.paper.map((v) => v / 255) as [number, number, number])), blendMode: BlendMode.Multiply });
    const drawPicture = c.pictureAs === 'soft-mask' ? drawSoftMaskedSeal : c.pictureAs === 'type3-glyph' ? drawType3Seal : drawPngSeal;
    const draw = c.form === 'vector'
      ? (s: SealSpec, x: number, y: number) => drawVectorSeal(page, s, x, y)
      : (s: SealSpec, x: number, y: number) => drawPicture(out, page, s, x, y, c.uneven, c.seed);
    for (const { mark } of c.traps.filter((t) => t.page === i + 1)) {
      if (mark.kind === 'logo') await draw(mark.seal, mark.cx, mark.cy);
      else if (mark.kind === 'watermark' || mark.kind === 'pie') await drawPagePicture(out, page, mark);
      else drawTrapVector(page, mark);
    }
    for (const seal of c.seals.filter((s) => s.page === i + 1)) await draw(seal.spec, seal.cx, seal.cy);
  }
  return out;
}

async function drawPngSeal(doc: PDFDocument, page: PDFPage, spec: SealSpec, cx: number, cy: number, uneven: number, seed: number) {
  const { canvas, sideMm } = sealPicture(spec, uneven, seed);
  const image = await doc.embedPng(await canvas.encode('png'));
  const { x, y, w, h } = centred(page, cx, cy, sideMm, sideMm);
  page.drawImage(image, { x, y, width: w, height: h, opacity: spec.opacity });
}

/** A mark painted on a transparent picture the size of the page, laid over it (as Word lays a picture watermark). */
async function drawPagePicture(doc: PDFDocument, page: PDFPage, mark: PaintedTrap) {
  const pxPerMm = 6, [wMm, hMm] = [page.getWidth() / PT_PER_MM, page.getHeight() / PT_PER_MM];
  const canvas = createCanvas(Math.round(wMm * pxPerMm), Math.round(hMm * pxPerMm));
  drawTrapPixels(canvas.getContext('2d'), pxPerMm, mark);
  page.drawImage(await doc.embedPng(await canvas.encode('png')), { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
}

async function buildScan(c: CorpusCase, base: Uint8Array, pages: number[], rng: ReturnType<typeof makeRng>): Promise<PDFDocument> {
  const out = await PDFDocument.create();
  const sizes = (await PDFDocument.load(base)).getPages().map((p) => [p.getWidth(), p.getHeight()]);
  for (const i of pages) {
    const mark = (g: SKRSContext2D, pxPerMm: number) => {
      const ink = (s: SealSpec, x: number, y: number) => {
        const canvas = sealCanvas(s, pxPerMm, rng, c.uneven);
        g.save();
        g.globalAlpha = s.opacity;
        g.globalCompositeOperation = 'multiply';
        g.drawImage(canvas, x * pxPerMm - canvas.width / 2, y * pxPerMm - canvas.height / 2);
        g.restore();
      };
      for (const { mark } of c.traps.filter((t) => t.page === i + 1)) {
        if (mark.kind === 'logo') ink(mark.seal, mark.cx, mark.cy);
        else drawTrapPixels(g, pxPerMm, mark);
      }
      for (const seal of c.seals.filter((s) => s.page === i + 1)) ink(seal.spec, seal.cx, seal.cy);
    };
    const jpeg = await scanPage(base, i + 1, c.scan!, rng, mark);
    const [w, h] = sizes[i];
    const page = out.addPage([w, h]);
    page.drawImage(await out.embedJpg(jpeg), { x: 0, y: 0, width: w, height: h });
    if (c.ocrLayer) await addOcrLayer(out, page, rng);
  }
  return out;
}
