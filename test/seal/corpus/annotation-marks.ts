// Puts seals and red marks on a page as annotations with their own appearance, as seal software and PDF readers add
// them over an exported page or a scan: a stamp annotation or a signature field's appearance for a seal, a stamp for
// a small emblem, an ink annotation for a signature drawn with a pen tool.
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import { PDFDocument, PDFName, PDFString, type PDFPage } from 'pdf-lib';
import { sealCanvas } from './canvas-seal.ts';
import { drawTrapPixels, type Trap } from './trap-marks.ts';
import { makeRng } from './prng.ts';
import type { SealSpec } from './seal-layout.ts';

/** How a seal is added: a stamp annotation, or the appearance of a signature field (electronic seal platforms). */
export type SealAnnotation = 'stamp' | 'signature';

export const PT_PER_MM = 72 / 25.4;
/** Appearance pictures at about 300 dpi, as seal software exports them. */
const PNG_PX_PER_MM = 12;

/** An electronic seal's picture: the seal on a transparent square, and the square's side in mm. */
export function sealPicture(spec: SealSpec, uneven: number, seed: number): { canvas: Canvas; sideMm: number } {
  const canvas = sealCanvas(spec, PNG_PX_PER_MM, makeRng(seed + 7), uneven);
  return { canvas, sideMm: canvas.width / PNG_PX_PER_MM };
}

export interface AnnotatedMarks {
  seals: { spec: SealSpec; cx: number; cy: number }[];
  traps: Trap[];
  sealAs: SealAnnotation;
  uneven: number;
  seed: number;
}

/** Adds every seal and trap of one page as an annotation; positions are in mm from the page's top-left. */
export async function annotatePage(doc: PDFDocument, page: PDFPage, marks: AnnotatedMarks): Promise<void> {
  for (const trap of marks.traps) {
    if (trap.kind === 'logo') {
      const { canvas, sideMm } = sealPicture(trap.seal, marks.uneven, marks.seed);
      await addPictureAnnotation(doc, page, canvas, centred(page, trap.cx, trap.cy, sideMm, sideMm), trap.seal.opacity, { Subtype: 'Stamp' });
    } else if (trap.kind === 'handwriting') {
      const { canvas, boundsMm: [x0, y0, x1, y1] } = handwritingPicture(trap);
      const ink = trap.strokes.map((stroke) => stroke.flatMap(([x, y]) => [x * PT_PER_MM, page.getHeight() - y * PT_PER_MM]));
      const box = centred(page, (x0 + x1) / 2, (y0 + y1) / 2, x1 - x0, y1 - y0);
      await addPictureAnnotation(doc, page, canvas, box, 1, { Subtype: 'Ink', InkList: ink });
    } else {
      throw new Error(`a ${trap.kind} is drawn into the page, not put on as an annotation`);
    }
  }
  for (const [k, seal] of marks.seals.entries()) {
    const { canvas, sideMm } = sealPicture(seal.spec, marks.uneven, marks.seed);
    // pdf-lib makes names of plain strings; a field's name (T) is a text string.
    const fields = marks.sealAs === 'stamp'
      ? { Subtype: 'Stamp', Name: PDFName.of('Approved') }
      : { Subtype: 'Widget', FT: 'Sig', T: PDFString.of(`Seal-${page.ref.objectNumber}-${k + 1}`), P: page.ref };
    const ref = await addPictureAnnotation(doc, page, canvas, centred(page, seal.cx, seal.cy, sideMm, sideMm), seal.spec.opacity, fields);
    if (marks.sealAs === 'signature') doc.catalog.getOrCreateAcroForm().addField(ref);
  }

}

/** A rectangle in PDF points, from the page's bottom-left. */
export interface Box { x: number; y: number; w: number; h: number }

/** The rectangle of a mark wMm x hMm centred at (cx, cy) mm from the page's top-left. */
export function centred(page: PDFPage, cx: number, cy: number, wMm: number, hMm: number): Box {
  return { x: (cx - wMm / 2) * PT_PER_MM, y: page.getHeight() - (cy + hMm / 2) * PT_PER_MM, w: wMm * PT_PER_MM, h: hMm * PT_PER_MM };
}

/** A handwriting trap drawn on a transparent canvas over its own bounds (mm from the page's top-left). */
function handwritingPicture(trap: Extract<Trap, { kind: 'handwriting' }>): { canvas: Canvas; boundsMm: [number, number, number, number] } {
  const points = trap.strokes.flat();
  const margin = trap.widthMm + 1;
  const x0 = Math.min(...points.map((p) => p[0])) - margin, y0 = Math.min(...points.map((p) => p[1])) - margin;
  const x1 = Math.max(...points.map((p) => p[0])) + margin, y1 = Math.max(...points.map((p) => p[1])) + margin;
  const canvas = createCanvas(Math.ceil((x1 - x0) * PNG_PX_PER_MM), Math.ceil((y1 - y0) * PNG_PX_PER_MM));
  const g = canvas.getContext('2d');
  g.translate(-x0 * PNG_PX_PER_MM, -y0 * PNG_PX_PER_MM);
  drawTrapPixels(g, PNG_PX_PER_MM, trap);
  return { canvas, boundsMm: [x0, y0, x1, y1] };
}

/** An annotation whose normal appearance paints the picture over its rectangle. */
async function addPictureAnnotation(
  doc: PDFDocument, page: PDFPage, canvas: Canvas, box: Box, opacity: number, fields: Record<string, unknown>,
) {
  const image = await doc.embedPng(await canvas.encode('png'));
  const appearance = doc.context.register(doc.context.stream(`q /Ink gs ${box.w} 0 0 ${box.h} 0 0 cm /Mark Do Q`, {
    Type: 'XObject', Subtype: 'Form', BBox: [0, 0, box.w, box.h],
    Resources: { XObject: { Mark: image.ref }, ExtGState: { Ink: { ca: opacity } } },
  }));
  // F 4: printed, shown on screen.
  const ref = doc.context.register(doc.context.obj({
    Type: 'Annot', Rect: [box.x, box.y, box.x + box.w, box.y + box.h], F: 4, AP: { N: appearance }, ...fields,
  }));
  page.node.addAnnot(ref);
  return ref;
}
