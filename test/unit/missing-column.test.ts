// A table that lacks a required column altogether is told so once, by its file, not with one MISSING_FIELD per row
// (an outside examiner's table without 资源版权方 got thirty near-identical lines).
import { describe, expect, it } from 'vitest';
import { unitResources } from '../fixtures/email-kit/unit-resources.ts';
import { buildDocx, dataRows, FORM_HEADER } from '../word/fixture-kit/build-docx.ts';
import { check, countyEmail, DOCX_TYPE, goodPdf } from '../hostile/hostile-kit.ts';

const COPYRIGHT = FORM_HEADER.findIndex((h) => h.includes('版权方'));
const without = (row: string[], index: number) => row.filter((_, i) => i !== index);

/** 湘阴县's table without its 资源版权方 column, and the third row's title left empty. */
async function tableWithoutCopyright(): Promise<Buffer> {
  const rows = dataRows(unitResources('湘阴县', 5, '湘阴县教育局')).map((row) => without(row, COPYRIGHT));
  rows[2][1] = '';
  return buildDocx([
    { kind: 'p', text: '填表单位：湘阴县教育局        联系人：易晓红        联系电话：0730-2222222' },
    { kind: 'table', rows: [without(FORM_HEADER, COPYRIGHT), ...rows] },
  ], { landscape: true });
}

describe('a table without a required column', () => {
  it('is returned with one MISSING_FIELD naming the column and the file, and a row\'s own empty field still named by row', async () => {
    const docx = await tableWithoutCopyright();
    const verdict = await check(countyEmail([{ filename: '推荐表.docx', contentType: DOCX_TYPE, content: docx }, goodPdf()]));
    const missing = verdict.errors.filter((e) => e.code === 'MISSING_FIELD');
    expect(missing).toHaveLength(2);
    expect(missing[0]).toMatchObject({ file: '推荐表.docx' });
    expect(missing[0].row).toBeUndefined();
    // The column is said to be missing from the table, not a field to be empty; one column, not "these".
    expect(missing[0].message).toContain('《推荐表.docx》的推荐表没有“资源版权方”列（必填项）。');
    expect(missing[0].message).toContain('补上缺少的列');
    expect(missing[0].message).not.toMatch(/未填写|为空|这些/);
    expect(missing[1]).toMatchObject({ file: '推荐表.docx', row: 3 });
    expect(missing[1].message).toContain('未填写“资源标题”（必填项）。');
    expect(missing[1].message).not.toContain('资源版权方');
  });
});
