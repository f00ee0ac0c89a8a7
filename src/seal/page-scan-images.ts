// Finds the images a scanned page is made of, straight from the PDF's bytes: a page whose content does nothing but
// place RGB or grey JPEGs (q, cm, Do, Q), as scanners and scan apps write it, or Flate images too large for pdf.js,
// as a PostScript printer driver writes a rasterised page, beside text in invisible render mode (a searchable scan's
// OCR layer), and that has no annotation a viewer draws over them (an electronic seal added to a scan as a stamp or
// signature). Null for any other page.
import type { PdfObjects } from '../pdf/pdf-objects.ts';
import { isDict, isName, isRef, parseValue, skipSpace, type PdfRef, type PdfValue } from '../pdf/pdf-syntax.ts';
import type { FlateLayout } from './flate-eighth.ts';
import { scanImage } from './scan-image.ts';

export type Matrix = [number, number, number, number, number, number];

/** One picture of a scanned page and where the page places it. */
export interface PlacedScanImage {
  bytes: Uint8Array;
  /** Maps the image's unit square into PDF user space. */
  matrix: Matrix;
  width: number;
  height: number;
  /** A progressive JPEG: decoding it holds all its coefficients at once, whatever the size drawn. */
  progressive: boolean;
  /** Not a JPEG but a Flate image, its rows laid out so; null for a JPEG. */
  flate: FlateLayout | null;
}

/** Operators that put nothing on the page and do not change how a JPEG is painted: text objects, text state and
 *  position, marked content, colours (an RGB or grey image is painted in its own). */
const PAINTS_NOTHING = new Set(['BT', 'ET', 'Tf', 'Tc', 'Tw', 'Tz', 'TL', 'Ts', 'Td', 'TD', 'Tm', 'T*', 'BMC', 'BDC', 'EMC',
  'g', 'G', 'rg', 'RG', 'k', 'K', 'cs', 'CS', 'sc', 'SC', 'scn', 'SCN']);
const SHOW_TEXT = new Set(['Tj', 'TJ', "'", '"']);
/** Text render mode 3: neither filled nor stroked nor clipped, as OCR layers are written. */
const INVISIBLE = 3;

/** How far up the page tree Resources are looked for (they may be inherited). */
const MAX_TREE_DEPTH = 16;

export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    n[0] * m[0] + n[1] * m[2], n[0] * m[1] + n[1] * m[3],
    n[2] * m[0] + n[3] * m[2], n[2] * m[1] + n[3] * m[3],
    n[4] * m[0] + n[5] * m[2] + m[4], n[4] * m[1] + n[5] * m[3] + m[5],
  ];
}

export function pageScanImages(objects: PdfObjects, pageRef: PdfRef, maxPixels: number): PlacedScanImage[] | null {
  const page = objects.resolve(pageRef);
  if (!isDict(page) || drawsAnnotations(objects, page)) return null;
  const resources = objects.resolve(inherited(objects, page, 'Resources'));
  const xobjects = isDict(resources) ? objects.resolve(resources.get('XObject')) : undefined;
  const content = pageContent(objects, page.get('Contents'));
  if (!isDict(xobjects) || content === null) return null;
  const placed: PlacedScanImage[] = [];
  // The CTM and the text render mode are graphics state: q saves them, Q restores them.
  const stack: { ctm: Matrix; textMode: number }[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let textMode = 0;
  let operands: PdfValue[] = [];
  for (let i = skipSpace(content, 0); i < content.length; i = skipSpace(content, i)) {
    const token = parseValue(content, i);
    if (!token) return null;
    i = token[1];
    const value = token[0];
    if (!(typeof value === 'object' && value !== null && 'op' in value)) {
      operands.push(value);
      continue;
    }
    if (value.op === 'q') stack.push({ ctm, textMode });
    else if (value.op === 'Q') ({ ctm, textMode } = stack.pop() ?? { ctm, textMode });
    else if (value.op === 'cm' && operands.length === 6 && operands.every((v) => typeof v === 'number')) ctm = multiply(ctm, operands as Matrix);
    else if (value.op === 'Do' && isName(operands[0])) {
      const image = scanImage(objects, xobjects.get(operands[0].name), maxPixels);
      if (!image) return null;
      placed.push({ ...image, matrix: ctm });
    } else if (value.op === 'Tr' && typeof operands[0] === 'number') textMode = operands[0];
    else if (SHOW_TEXT.has(value.op) ? textMode !== INVISIBLE : !PAINTS_NOTHING.has(value.op)) return null;
    operands = [];
  }
  return placed.length ? placed : null;
}

/** Annotation types a viewer never paints on the page itself. */
const UNDRAWN_ANNOTATIONS = new Set(['Link', 'Popup']);
/** Annotation flags Hidden (2) and NoView (32): not shown on screen. */
const NOT_SHOWN = 2 | 32;

/** Whether the page has an annotation a viewer draws (pdf.js draws it in the render; drawing JPEGs alone would not). */
function drawsAnnotations(objects: PdfObjects, page: Map<string, PdfValue>): boolean {
  const annotations = objects.resolve(page.get('Annots'));
  if (annotations === undefined || annotations === null) return false;
  // An Annots entry this reader cannot follow is taken for a drawn annotation: pdf.js then renders the page.
  if (!Array.isArray(annotations)) return true;
  return annotations.some((entry) => {
    const annotation = objects.resolve(entry);
    if (!isDict(annotation)) return entry !== null;
    const subtype = annotation.get('Subtype');
    const flags = objects.resolve(annotation.get('F'));
    const hidden = typeof flags === 'number' && (flags & NOT_SHOWN) !== 0;
    return !hidden && !(isName(subtype) && UNDRAWN_ANNOTATIONS.has(subtype.name));
  });
}

export function inherited(objects: PdfObjects, node: Map<string, PdfValue>, key: string): PdfValue | undefined {
  let at: PdfValue | undefined = node;
  for (let depth = 0; isDict(at) && depth < MAX_TREE_DEPTH; depth++) {
    if (at.has(key)) return at.get(key);
    at = objects.resolve(at.get('Parent'));
  }
  return undefined;
}

export function pageContent(objects: PdfObjects, contents: PdfValue | undefined): string | null {
  const resolved = objects.resolve(contents);
  const parts = Array.isArray(resolved) ? resolved : [contents];
  const texts: string[] = [];
  for (const part of parts) {
    const object = isRef(part) ? objects.get(part) : null;
    const data = object && objects.decoded(object);
    if (!data) return null;
    texts.push(Buffer.from(data).toString('latin1'));
  }
  return texts.join('\n');
}
