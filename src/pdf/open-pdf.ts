// Opens a PDF once through pdf-parse, so that the text-layer table and the seal check share one parsed document.
import { PDFJS_DATA, PDFParse, restoreNativePush } from './pdfjs.ts';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { letStrayPdfjsRejectionsGo } from './stray-pdfjs-rejections.ts';
import { MaskFilterFactory, MaskingCanvasFactory } from './canvas-filters.ts';
import { hasFontBomb } from './font-bombs.ts';
import { withLabAlternates } from './lab-profiles.ts';
import { PdfFontBombError } from './pdf-errors.ts';
import { MAX_IMAGE_PIXELS } from '../limits.ts';

export interface OpenedPdf {
  parser: PDFParse;
  document: PDFDocumentProxy;
  close(): Promise<void>;
}

export async function openPdf(content: Uint8Array): Promise<OpenedPdf> {
  if (hasFontBomb(content)) throw new PdfFontBombError();
  letStrayPdfjsRejectionsGo();
  // pdf.js transfers the buffer it is given; hand it a copy so the caller's attachment stays readable.
  const parser = new PDFParse({ data: new Uint8Array(withLabAlternates(content)), isEvalSupported: false, stopAtErrors: false,
    maxImageSize: MAX_IMAGE_PIXELS, ...PDFJS_DATA,
    // pdf.js's own Node factories draw soft masks (ExtGState /SMask) as whole rectangles.
    CanvasFactory: MaskingCanvasFactory, FilterFactory: MaskFilterFactory });
  try {
    // load() is private in pdf-parse's typings, but it is where pdf-parse opens the document; reusing it means
    // the file is parsed once for text, tables and page renders.
    const document = await (parser as unknown as { load(): Promise<PDFDocumentProxy> }).load();
    // The first document loads pdf.js's worker half, which installs core-js's push again.
    restoreNativePush();
    return { parser, document, close: () => parser.destroy() };
  } catch (err) {
    await parser.destroy().catch(() => undefined);
    throw err;
  }
}
