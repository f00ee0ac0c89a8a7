// An electronic seal shaped by an opacity mask, as vector drawing tools export a masked picture: a square of the
// seal's ink colour (its uneven ink kept) drawn under a luminosity soft mask whose group paints the seal's shape in grey.
// Drawn without the mask it is a solid red square.
import { type PDFDocument, type PDFPage } from 'pdf-lib';
import { appendContent } from '../../pdf/page-content.ts';
import { softMaskState } from '../../pdf/soft-mask.ts';
import { centred, sealPicture } from './annotation-marks.ts';
import type { SealSpec } from './seal-layout.ts';


export function drawSoftMaskedSeal(doc: PDFDocument, page: PDFPage, spec: SealSpec, cx: number, cy: number, uneven: number, seed: number): void {
  const { canvas, sideMm } = sealPicture(spec, uneven, seed);
  const { width, height } = canvas;
  const rgba = canvas.getContext('2d').getImageData(0, 0, width, height).data;
  const colour = new Uint8Array(width * height * 3);
  const shape = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++) {
    const alpha = rgba[i * 4 + 3];
    // Where the picture is transparent the square keeps the seal's colour: only the mask hides it.
    for (let c = 0; c < 3; c++) colour[i * 3 + c] = alpha ? rgba[i * 4 + c] : spec.colour[c];
    shape[i] = Math.round(alpha * spec.opacity);
  }
  const image = (bytes: Uint8Array, colourSpace: string) => doc.context.register(doc.context.flateStream(bytes,
    { Type: 'XObject', Subtype: 'Image', Width: width, Height: height, ColorSpace: colourSpace, BitsPerComponent: 8 }));
  const box = centred(page, cx, cy, sideMm, sideMm);
  const place = `${box.w} 0 0 ${box.h} ${box.x} ${box.y} cm`;
  const state = softMaskState(doc, page, {
    subtype: 'Luminosity', groupOps: `q ${place} /Shape Do Q`, groupResources: { XObject: { Shape: image(shape, 'DeviceGray') } },
  });
  const name = `Seal${state.objectNumber}`;
  appendContent(doc, page, `q /${name} gs ${place} /${name} Do Q`, { ExtGState: { [name]: state }, XObject: { [name]: image(colour, 'DeviceRGB') } });
}
