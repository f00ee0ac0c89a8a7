// Which unhandled rejections the bot lets go: those pdf.js leaves behind in its own code (a fuzzed PDF left a
// ParserEOFException and an `unreachable("JpxStream.readBlock")` behind, and the pipeline thread died of them), never
// one raised in our code.
import { describe, expect, it } from 'vitest';
import { isStrayPdfjsRejection } from '../../src/pdf/stray-pdfjs-rejections.ts';

const WORKER = 'file:///app/node_modules/pdfjs-dist/legacy/build/pdf.worker.mjs';

function errorWithStack(name: string, message: string, frames: string[]): Error {
  const error = new Error(message);
  error.name = name;
  error.stack = [`${name}: ${message}`, ...frames.map((f) => `    at ${f}`)].join('\n');
  return error;
}

describe('isStrayPdfjsRejection', () => {
  it('lets go of errors pdf.js made, whatever their class', () => {
    expect(isStrayPdfjsRejection(errorWithStack('ParserEOFException', 'End of file inside dictionary.',
      [`Parser.getObj (${WORKER}:16530:19)`, `XRef.fetch (${WORKER}:20011:7)`]))).toBe(true);
    expect(isStrayPdfjsRejection(errorWithStack('Error', 'JpxStream.readBlock',
      [`unreachable (${WORKER}:410:9)`, `JpxStream.readBlock (${WORKER}:16038:5)`]))).toBe(true);
  });

  it('keeps every other rejection fatal: one made in our code, even one passing through pdf.js, or not an Error', async () => {
    const ours = await Promise.reject(new Error('a bug of ours')).catch((err: unknown) => err);
    expect(isStrayPdfjsRejection(ours)).toBe(false);
    expect(isStrayPdfjsRejection(errorWithStack('FormatError', 'Bad',
      ['readPdfTable (file:///app/src/pdf/read-pdf-table.ts:40:11)', `Page.getOperatorList (${WORKER}:100:1)`]))).toBe(false);
    expect(isStrayPdfjsRejection('a string')).toBe(false);
  });
});
