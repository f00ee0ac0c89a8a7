// Found by the fuzzer (seed 1, case 0): one flipped bit in a content stream made pdf.js hand the canvas a string
// it refuses ("Convert String to CString failed"), and the seal check threw out of checkEmail.
import { describe, expect, it } from 'vitest';
import { check, countyEmail, errorOf, fixtureFile, goodDocx } from './hostile-kit.ts';

function undrawablePdf(): Buffer {
  const pdf = Buffer.from(fixtureFile('pdf/word-like-unruled.pdf'));
  pdf[5514] ^= 0x40;
  return pdf;
}

describe('a PDF that opens but whose page cannot be drawn', () => {
  it('is returned as unreadable, asking for a fresh export, instead of crashing the check', async () => {
    const v = await check(countyEmail([goodDocx(), { filename: '推荐表.pdf', contentType: 'application/pdf', content: undrawablePdf() }]));
    expect(v.decision).toBe('reject');
    expect(errorOf(v, 'UNREADABLE_ATTACHMENT')?.message).toMatch(/《推荐表\.pdf》.*重新导出/);
    expect(errorOf(v, 'NO_STAMP')).toBeUndefined();
  });
});
