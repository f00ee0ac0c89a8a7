// The one door to pdf.js (and pdf-parse, which loads it): V8's Array.prototype.push is kept before pdf.js loads.
import './native-push.ts';

export { AnnotationMode, OPS, Util } from 'pdfjs-dist/legacy/build/pdf.mjs';
export { PDFParse } from 'pdf-parse';
export { restoreNativePush } from './native-push.ts';
