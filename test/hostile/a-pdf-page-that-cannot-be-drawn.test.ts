// Found by the fuzzer (seed 1, case 0): one flipped bit in a content stream made pdf.js hand the canvas a string
// it refuses ("Convert String to CString failed") while drawing text, and the seal check threw out of checkEmail.
// A seal check that fails is reported as UNREADABLE_ATTACHMENT (src/attachments/read-attachments.ts).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPdf } from '../../src/pdf/open-pdf.ts';
import { renderSealOverlay } from '../../src/seal/render-overlay.ts';
import { check, countyEmail, errorOf, fixtureFile, goodDocx } from './hostile-kit.ts';

function undrawablePdf(): Buffer {
  const pdf = Buffer.from(fixtureFile('pdf/word-like-unruled.pdf'));
  pdf[5514] ^= 0x40;
  return pdf;
}

describe('a PDF that opens but whose text cannot be drawn', () => {
  it('is still checked for its seal and answered, instead of crashing the check', async () => {
    const v = await check(countyEmail([goodDocx(), { filename: '推荐表.pdf', contentType: 'application/pdf', content: undrawablePdf() }]));
    expect(v.decision).toBe('reject');
    // The seal check leaves black text out of its render, so the broken text does not stop it: the file is unstamped.
    expect(errorOf(v, 'NO_STAMP')?.message).toMatch(/《推荐表\.pdf》/);
    expect(errorOf(v, 'UNREADABLE_ATTACHMENT')).toBeUndefined();
  });

  it('still gives the person its page pictures (the stamp command), drawn as the seal check saw them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'undrawable-'));
    const opened = await openPdf(undrawablePdf());
    try {
      const written = await renderSealOverlay(opened.document, dir);
      expect(written).toHaveLength(opened.document.numPages);
      expect((await readFile(written[0])).subarray(1, 4).toString()).toBe('PNG');
    } finally {
      await opened.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
