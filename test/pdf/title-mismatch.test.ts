import { describe, expect, it } from 'vitest';
import { openPdf } from '../../src/pdf/open-pdf.ts';
import { readPdfTable } from '../../src/pdf/read-pdf-table.ts';
import { findTitleMismatch } from '../../src/pdf/title-mismatch.ts';
import { loadCampaign } from '../../src/rules/load-campaign.ts';
import { pdfFixture, wordTitles } from './pdf-fixtures.ts';

async function titlesOf(name: string): Promise<string[] | null> {
  const opened = await openPdf(pdfFixture(name).content);
  try {
    return (await readPdfTable(opened, loadCampaign().form)).titles;
  } finally {
    await opened.close();
  }
}

describe('comparing the Word titles with the PDF titles', () => {
  it('names the Word title the PDF lacks and the PDF title the Word table lacks when one title differs', async () => {
    const titles = await titlesOf('ruled-title-differs.pdf');
    expect(findTitleMismatch(wordTitles('ruled-title-differs.pdf'), { titles })).toEqual({
      missingInPdf: ['君山银针采摘与制作劳动实践全过程记录'],
      extraInPdf: ['君山银针的采摘与制作'],
    });
  });

  it('names the extra row of a PDF that has one row more than the Word table', async () => {
    const titles = await titlesOf('unruled-extra-row.pdf');
    expect(findTitleMismatch(wordTitles('unruled-extra-row.pdf'), { titles }))
      .toEqual({ missingInPdf: [], extraInPdf: ['岳阳市非物质文化遗产进课堂'] });
  });

  it('finds no mismatch when the PDF has no text-layer table to compare', () => {
    expect(findTitleMismatch(['洞庭湖水鸟观察指南'], { titles: null })).toBeNull();
  });

  it('ignores spaces of any width, full- and half-width forms and quotes', () => {
    const word = ['远离毒品 珍爱生命——湘阴县禁毒教育微课', 'AI 编程入门：用 Scratch 讲故事', '落实"双减"的做法'];
    const pdf = ['远离毒品珍爱生命——湘阴县禁毒教育微课', 'AI编程入门:用Scratch讲故事', '落实“双减”的做法'];
    expect(findTitleMismatch(word, { titles: pdf })).toBeNull();
  });

  it('ignores the order of the rows and empty titles', () => {
    expect(findTitleMismatch(['甲', '', '乙'], { titles: ['乙', '甲'] })).toBeNull();
  });

  it('takes text cut into rows differently, but the same in table order, as layout and not a mismatch', () => {
    const word = ['湘阴县城乡学校结对帮扶经验', '智慧课堂常态化应用的湘阴实践'];
    const pdf = ['湘阴县城乡学校结对帮扶', '经验智慧课堂常态化应用的湘阴实践'];
    expect(findTitleMismatch(word, { titles: pdf })).toBeNull();
  });

  it('counts a title the Word table holds twice but the PDF once as missing once', () => {
    expect(findTitleMismatch(['甲', '甲', '乙'], { titles: ['甲', '乙'] })).toEqual({ missingInPdf: ['甲'], extraInPdf: [] });
  });
});
