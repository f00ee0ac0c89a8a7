// Found by the fuzzer (seed 1, case 0): one flipped bit in a content stream made pdf.js hand the canvas a string
// it refuses ("Convert String to CString failed") while drawing text, and the seal check threw out of checkEmail.
// A seal check that fails is reported as UNREADABLE_ATTACHMENT (src/attachments/read-attachments.ts).
import { describe, expect, it } from 'vitest';
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
});
