// Tables as counties paste and merge them, from the Word file and its stamped LibreOffice PDF to the verdict: the PDF
// carries the Word table's titles, so the filing is accepted; a title that really differs is still a mismatch.
import { describe, expect, it } from 'vitest';
import { layoutDocx, RESOURCES } from '../fixtures/pdf/generate/form-layouts.ts';
import { check, countyEmail, DOCX_TYPE } from '../hostile/hostile-kit.ts';
import { pdfFixture } from './pdf-fixtures.ts';

async function verdictOf(layout: string, rows = RESOURCES) {
  return check(countyEmail([
    { filename: '湘阴县专题资源推荐表.docx', contentType: DOCX_TYPE, content: await layoutDocx(layout, rows) },
    { ...pdfFixture(`layout-${layout}.pdf`), filename: '湘阴县专题资源推荐表.pdf' },
  ]));
}

const WHAT: Record<string, string> = {
  'second-table-with-header': 'a second table with its own header row, starting partway down page 1',
  'header-row-copied-inside': 'the header row copied into the middle of the table',
  'continued-table-other-widths': 'a second table with no header and other column widths',
  'section-heading-rows': 'section headings (一、德育) merged across every column',
  'narrow-columns': 'narrow, tightly set columns: header cells wrap and nearly touch, titles wrap over lines',
  'heading-over-first-cells': 'section headings merged over 序号 and 资源标题 only, the other cells empty',
  'total-row': 'a total line under the resources, 合计 in its title cell and 30条 across the rest',
};

describe('a filing whose table is pasted together or has merged rows', () => {
  it.each(Object.entries(WHAT))('is accepted with its 30 resources: %s (%s)', async (layout) => {
    const verdict = await verdictOf(layout);
    expect(verdict.errors).toEqual([]);
    expect(verdict.warnings).toEqual([]);
    expect(verdict.decision).toBe('accept');
    expect(verdict.resources.map((r) => r.title)).toEqual(RESOURCES.map((r) => r.title));
  });

  it.each(Object.keys(WHAT))('is returned naming both titles when one Word title differs from its PDF: %s', async (layout) => {
    const changed = RESOURCES.map((r, i) => (i === 20 ? { ...r, title: '湘阴县家庭教育讲座（修改稿）' } : r));
    const verdict = await verdictOf(layout, changed);
    expect(verdict.errors.map((e) => e.code)).toEqual(['PDF_WORD_MISMATCH']);
    expect(verdict.errors[0].message).toContain('Word中有、PDF中没有：“湘阴县家庭教育讲座（修改稿）”；');
    expect(verdict.errors[0].message).toContain(`PDF中有、Word中没有：“${RESOURCES[20].title}”`);
  });
});
