// A unit name with invisible characters in it (a soft hyphen, a zero-width space, a direction mark, a variation
// selector) is that unit's, not unknown: otherwise the subject or file names, which anyone writes, would pick the unit.
import { describe, expect, it } from 'vitest';
import { formDocx } from '../fixtures/email-kit/forms.ts';
import { unitResources } from '../fixtures/email-kit/unit-resources.ts';
import { check, countyEmail, DOCX_TYPE, goodPdf } from './hostile-kit.ts';

async function filingWithUnitLine(unitLine: string): Promise<Buffer> {
  const docx = await formDocx({ unitLine, contact: '易晓红', phone: '0730-2222222', rows: unitResources('湘阴县', 5, '湘阴县教育局') });
  return countyEmail([{ filename: '推荐表.docx', contentType: DOCX_TYPE, content: docx }, goodPdf()], { subject: '平江县专题资源推荐表' });
}

describe('a unit name on the form with invisible characters in it', () => {
  it.each([
    ['a soft hyphen', '湘\u00ad阴县教育局'],
    ['a zero-width space', '湘阴\u200b县教育局'],
    ['a left-to-right mark', '湘阴县\u200e教育局'],
    ['a variation selector', '湘阴\ufe0f县教育局'],
  ])('with %s is still that unit, whatever the subject says', async (_what, unitLine) => {
    const verdict = await check(await filingWithUnitLine(unitLine));
    expect(verdict.unit).toBe('湘阴县');
    expect(verdict.reply!.text.startsWith('湘阴县教育局：')).toBe(true);
  });
});
