// The pictures a scanned page's content may place, read from their image XObjects without decoding them: a JPEG's
// size and kind from its own frame header, a Flate image's row layout from its dictionary.
import type { PdfObjects } from '../pdf/pdf-objects.ts';
import { isDict, isName, isRef, type PdfValue } from '../pdf/pdf-syntax.ts';
import { MAX_IMAGE_PIXELS } from '../limits.ts';
import type { FlateLayout } from './flate-eighth.ts';
import type { PlacedScanImage } from './page-scan-images.ts';

/** An image XObject drawn as it is (8 bits, RGB or grey, no mask or decode array): a JPEG, or a Flate image over the
 *  bound on images decoded whole (which pdf.js leaves out; a smaller one is left to pdf.js, as it always was). */
export function scanImage(objects: PdfObjects, ref: PdfValue | undefined, maxPixels: number): Omit<PlacedScanImage, 'matrix'> | null {
  const object = isRef(ref) ? objects.get(ref) : null;
  const dict = object?.value;
  if (!object?.stream || !isDict(dict) || !isName(dict.get('Subtype'), 'Image')) return null;
  if (dict.has('SMask') || dict.has('Mask') || dict.has('Decode') || dict.get('ImageMask') === true) return null;
  const components = colourComponents(objects, dict.get('ColorSpace'));
  if (objects.resolve(dict.get('BitsPerComponent')) !== 8 || !components) return null;
  const filter = dict.get('Filter');
  const only = Array.isArray(filter) && filter.length === 1 ? filter[0] : filter;
  if (isName(only, 'DCTDecode')) {
    const size = jpegSize(object.stream);
    return size && size.width * size.height <= maxPixels ? { bytes: object.stream, ...size, flate: null } : null;
  }
  const width = objects.resolve(dict.get('Width')), height = objects.resolve(dict.get('Height'));
  if (!isName(only, 'FlateDecode') || typeof width !== 'number' || typeof height !== 'number') return null;
  const pixels = width * height;
  const flate = pixels > MAX_IMAGE_PIXELS && pixels <= maxPixels ? flateLayout(objects, dict, width, components) : null;
  return flate && { bytes: object.stream, width, height, progressive: false, flate };
}

/** A Flate image's rows: plain, or PNG-filtered (a predictor of 10 or more over whole pixels); null for TIFF's. */
function flateLayout(objects: PdfObjects, dict: Map<string, PdfValue>, width: number, components: 1 | 3): FlateLayout | null {
  const parms = objects.resolve(dict.get('DecodeParms'));
  const param = (key: string, otherwise: number) => (isDict(parms) ? objects.resolve(parms.get(key)) ?? otherwise : otherwise);
  const predictor = param('Predictor', 1);
  if (predictor === 1) return { components, pngRows: false };
  const whole = param('Colors', 1) === components && param('BitsPerComponent', 8) === 8 && param('Columns', 1) === width;
  return typeof predictor === 'number' && predictor >= 10 && whole ? { components, pngRows: true } : null;
}

/** DeviceRGB, DeviceGray, or an ICC profile over 1 or 3 components: how many; CMYK and indexed images are left to
 *  pdf.js (null). */
function colourComponents(objects: PdfObjects, space: PdfValue | undefined): 1 | 3 | null {
  const resolved = objects.resolve(space);
  if (isName(resolved, 'DeviceRGB')) return 3;
  if (isName(resolved, 'DeviceGray')) return 1;
  if (!Array.isArray(resolved) || !isName(resolved[0], 'ICCBased')) return null;
  const profile = objects.resolve(resolved[1]);
  const count = isDict(profile) ? objects.resolve(profile.get('N')) : null;
  return count === 1 || count === 3 ? count : null;
}

/** Width, height and kind from the JPEG's frame header, read before any decoding: the PDF's own numbers may lie.
 *  Null for a JPEG carrying Exif, whose orientation tag a decoder might apply where a PDF viewer does not. */
export function jpegSize(jpeg: Uint8Array): { width: number; height: number; progressive: boolean } | null {
  let i = jpeg.indexOf(0xd8) === 1 && jpeg[0] === 0xff ? 2 : -1;
  while (i >= 0 && i + 9 < jpeg.length) {
    if (jpeg[i] !== 0xff) return null;
    const marker = jpeg[i + 1];
    if (marker === 0xff) { i++; continue; }
    const length = (jpeg[i + 2] << 8) | jpeg[i + 3];
    if (marker === 0xe1 && String.fromCharCode(...jpeg.subarray(i + 4, i + 8)) === 'Exif') return null;
    // Baseline and progressive Huffman frames; arithmetic, lossless and hierarchical ones are left to pdf.js.
    if (marker === 0xc0 || marker === 0xc1 || marker === 0xc2) {
      const height = (jpeg[i + 5] << 8) | jpeg[i + 6], width = (jpeg[i + 7] << 8) | jpeg[i + 8];
      return width && height ? { width, height, progressive: marker === 0xc2 } : null;
    }
    if (marker >= 0xc3 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xcc) return null;
    i += 2 + length;
  }
  return null;
}
