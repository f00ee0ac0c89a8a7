// Opens a PDF once through pdf-parse, so that the text-layer table and the seal check share one parsed document.
import { PDFParse } from 'pdf-parse';
import type { PDFDocumentProxy } from 'pdfjs-dist';

export interface OpenedPdf {
  parser: PDFParse;
  document: PDFDocumentProxy;
  close(): Promise<void>;
}

export async function openPdf(content: Uint8Array): Promise<OpenedPdf> {
  // pdf.js transfers the buffer it is given; hand it a copy so the caller's attachment stays readable.
  const parser = new PDFParse({ data: new Uint8Array(content), isEvalSupported: false, stopAtErrors: false });
  try {
    // load() is private in pdf-parse's typings, but it is where pdf-parse opens the document; reusing it means
    // the file is parsed once for text, tables and page renders.
    const document = await (parser as unknown as { load(): Promise<PDFDocumentProxy> }).load();
    return { parser, document, close: () => parser.destroy() };
  } catch (err) {
    await parser.destroy().catch(() => undefined);
    throw err;
  }
}
