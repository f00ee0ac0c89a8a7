// Finds an image a page draws that pdf.js leaves out for its size (openPdf's maxImageSize): pdf.js drops it without a
// word, so a seal in such a scan (720 dpi, or a page a PostScript printer driver rasterised) would be taken for missing.
import type { PdfObjects } from '../pdf/pdf-objects.ts';
import { isDict, isName, isRef, type PdfRef, type PdfValue } from '../pdf/pdf-syntax.ts';
import { inherited, pageContent } from './page-scan-images.ts';

export interface ImageSize { width: number; height: number }

/** Forms drawn inside forms followed this deep: a scan is drawn by the page or a form or two on it. */
const MAX_FORM_DEPTH = 8;
/** A name operand followed by Do: the XObject drawn. */
const DRAWN = /\/([^\s()<>[\]{}/%]+)\s*Do(?![^\s()<>[\]{}/%])/g;

/** The first image over `maxPixels` (Width × Height, as pdf.js counts them) that the page draws; null if none. */
export function oversizedImage(objects: PdfObjects, pageRef: PdfRef, maxPixels: number): ImageSize | null {
  const page = objects.resolve(pageRef);
  if (!isDict(page)) return null;
  const content = pageContent(objects, page.get('Contents'));
  return content === null ? null : drawnOversized(objects, content, inherited(objects, page, 'Resources'), maxPixels, new Set(), 0);
}

function drawnOversized(
  objects: PdfObjects, content: string, resources: PdfValue | undefined, maxPixels: number, seen: Set<number>, depth: number,
): ImageSize | null {
  const held = objects.resolve(resources);
  const xobjects = isDict(held) ? objects.resolve(held.get('XObject')) : undefined;
  if (!isDict(xobjects)) return null;
  for (const [, name] of content.matchAll(DRAWN)) {
    const ref = xobjects.get(name);
    // Each XObject is looked at once: a form drawn many times, or drawing itself, is read once.
    if (!isRef(ref) || seen.has(ref.num)) continue;
    seen.add(ref.num);
    const object = objects.get(ref);
    const dict = object?.value;
    if (!object || !isDict(dict)) continue;
    if (isName(dict.get('Subtype'), 'Image')) {
      const width = objects.resolve(dict.get('Width')), height = objects.resolve(dict.get('Height'));
      if (typeof width === 'number' && typeof height === 'number' && width * height > maxPixels) return { width, height };
    } else if (isName(dict.get('Subtype'), 'Form') && depth < MAX_FORM_DEPTH) {
      const data = objects.decoded(object);
      const inner = data && drawnOversized(objects, Buffer.from(data).toString('latin1'),
        dict.get('Resources') ?? resources, maxPixels, seen, depth + 1);
      if (inner) return inner;
    }
  }
  return null;
}
