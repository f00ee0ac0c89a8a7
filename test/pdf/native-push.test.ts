// pdf.js's legacy build swaps core-js's slow Array.prototype.push in for the whole process; opening a PDF must
// leave V8's own in place.
import { describe, expect, it } from 'vitest';
import { openPdf } from '../../src/pdf/open-pdf.ts';
import { samplePdf } from './pdf-fixtures.ts';

/** core-js's push throws on an array whose length is frozen even when nothing is pushed; V8's does not. */
function pushIsV8s(): boolean {
  const frozenLength = Object.defineProperty([], 'length', { writable: false });
  try {
    frozenLength.push();
    return true;
  } catch {
    return false;
  }
}

describe('Array.prototype.push after pdf.js has loaded', () => {
  it("is V8's own once a PDF has been opened", async () => {
    const pdf = await openPdf((await samplePdf()).content);
    await pdf.close();
    expect(pushIsV8s()).toBe(true);
  });
});
