// An electronic seal as a glyph of a Type3 font, as some PDF printers and seal tools emit a picture: the glyph
// paints the seal picture in its own colours (d0), and the text that shows it is set in black.
import { type PDFDocument, type PDFPage } from 'pdf-lib';
import { appendContent } from '../../pdf/page-content.ts';
import { centred, sealPicture } from './annotation-marks.ts';
import type { SealSpec } from './seal-layout.ts';

/** Glyph space: the font matrix makes 1000 units one text-space unit, so a glyph 1000 wide at size S is S points. */
const EM = 1000;

export async function drawType3Seal(doc: PDFDocument, page: PDFPage, spec: SealSpec, cx: number, cy: number, uneven: number, seed: number): Promise<void> {
  const { canvas, sideMm } = sealPicture(spec, uneven, seed);
  const picture = await doc.embedPng(await canvas.encode('png'));
  const glyph = doc.context.register(doc.context.flateStream(`${EM} 0 d0 q ${EM} 0 0 ${EM} 0 0 cm /Seal Do Q`));
  const font = doc.context.register(doc.context.obj({
    Type: 'Font', Subtype: 'Type3', FontBBox: [0, 0, EM, EM], FontMatrix: [1 / EM, 0, 0, 1 / EM, 0, 0],
    CharProcs: { seal: glyph }, Encoding: { Type: 'Encoding', Differences: [65, 'seal'] },
    FirstChar: 65, LastChar: 65, Widths: [EM], Resources: { XObject: { Seal: picture.ref } },
  }));
  const box = centred(page, cx, cy, sideMm, sideMm);
  const name = `SealFont${font.objectNumber}`;
  // The picture's opacity is the text's: a constant alpha in the graphics state.
  const state = doc.context.obj({ Type: 'ExtGState', ca: spec.opacity, CA: spec.opacity });
  appendContent(doc, page, `q /${name} gs BT /${name} ${box.w} Tf 0 g ${box.x} ${box.y} Td (A) Tj ET Q`,
    { Font: { [name]: font }, ExtGState: { [name]: state } });
}
