// Two units' tables in one email (a district forwarding its schools' filings together) are no one unit's filing: the
// email is returned asking for one email per unit, naming each Word file's unit, and not recorded under the first.
import { describe, expect, it } from 'vitest';
import { check, countyEmail, DOCX_TYPE, fixtureFile, goodDocx, goodPdf } from '../hostile/hostile-kit.ts';

const pingjiang = { filename: '平江县-推荐表.docx', contentType: DOCX_TYPE, content: fixtureFile('word/平江县-推荐表.docx') };

describe('several units in one email', () => {
  it('is returned with UNKNOWN_UNIT naming each table and its unit, and no mismatch of one unit\'s PDF with the other\'s table', async () => {
    const verdict = await check(countyEmail([goodDocx(), pingjiang, goodPdf()]));
    expect(verdict.decision).toBe('reject');
    expect(verdict.unit).toBeNull();
    expect(verdict.errors.map((e) => e.code)).toEqual(['UNKNOWN_UNIT']);
    expect(verdict.errors[0].message).toContain('《湘阴县专题资源推荐表.docx》为“湘阴县”');
    expect(verdict.errors[0].message).toContain('《平江县-推荐表.docx》为“平江县”');
    expect(verdict.errors[0].message).toContain('每个单位单独发送');
  });

  it('while one unit\'s table sent twice is still that unit\'s filing', async () => {
    const doc = { filename: '湘阴县专题资源推荐表（副本）.docx', contentType: DOCX_TYPE, content: goodDocx().content };
    const verdict = await check(countyEmail([goodDocx(), doc, goodPdf()]));
    expect(verdict.decision).toBe('accept');
    expect(verdict.unit).toBe('湘阴县');
  });
});
