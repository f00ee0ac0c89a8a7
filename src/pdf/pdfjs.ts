// The one door to pdf.js (and pdf-parse, which loads it): V8's Array.prototype.push is kept before pdf.js loads, and
// pdf.js is told where its data files are.
import './native-push.ts';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export { AnnotationMode, OPS, Util } from 'pdfjs-dist/legacy/build/pdf.mjs';
export { PDFParse } from 'pdf-parse';
export { restoreNativePush } from './native-push.ts';

const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const folder = (name: string) => join(PDFJS_DIR, name) + sep;

/**
 * pdf.js's data files, read by path from its own package (in Node it reads them with fs). Without them pdf.js reads
 * no text in a CJK font a PDF names without embedding it (STSong-Light with the UniGB-UCS2-H CMap, as iText and older
 * WPS exports write), draws no JPEG 2000 picture (a scan saved as JPX), and no font outline it does not embed.
 */
export const PDFJS_DATA = {
  cMapUrl: folder('cmaps'),
  cMapPacked: true,
  standardFontDataUrl: folder('standard_fonts'),
  wasmUrl: folder('wasm'),
};

/** The operators that show text. */
export const TEXT_SHOW_OPS = new Set<number>([OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText]);
