// The official template filled with a table long enough that its 填表说明 notes run onto the next page of the PDF
// LibreOffice exports: the numbered notes there (4.拟上线栏目：填写各…) are not resources, and the filing is accepted.
import { afterEach, describe, expect, it } from 'vitest';
import { openPdf, type OpenedPdf } from '../../src/pdf/open-pdf.ts';
import { readPdfTable } from '../../src/pdf/read-pdf-table.ts';
import { longResources, NOTES_SPILL, templateDocx } from '../fixtures/pdf/generate/template-form.ts';
import { campaign, check, countyEmail, DOCX_TYPE } from '../hostile/hostile-kit.ts';
import { pdfFixture } from './pdf-fixtures.ts';

let opened: OpenedPdf | null = null;
afterEach(async () => { await opened?.close(); opened = null; });

const WHAT: Record<string, string> = {
  'notes-run-onto-next-page': 'the heading and the first notes close the table\'s last page, notes 4 to 7 begin the next',
  'notes-heading-starts-page': 'the table ends a page and the notes, 填表说明 heading and all, begin the next',
};

async function pdfTitles(layout: string, notesMarker = campaign.form.notesMarker) {
  opened = await openPdf(pdfFixture(`template-${layout}.pdf`).content);
  return (await readPdfTable(opened, { ...campaign.form, notesMarker })).titles;
}

describe('a filled template whose notes run onto the page after the table', () => {
  it.each(Object.entries(WHAT))('gives the PDF the Word table\'s titles and is accepted: %s (%s)', async (layout) => {
    const rows = longResources(NOTES_SPILL[layout]);
    expect(await pdfTitles(layout)).toEqual(rows.map((r) => r.title));
    const verdict = await check(countyEmail([
      { filename: '湘阴县专题资源推荐表.docx', contentType: DOCX_TYPE, content: await templateDocx(rows) },
      { ...pdfFixture(`template-${layout}.pdf`), filename: '湘阴县专题资源推荐表.pdf' },
    ]));
    expect(verdict.errors).toEqual([]);
    expect(verdict.decision).toBe('accept');
    expect(verdict.resources.map((r) => r.title)).toEqual(rows.map((r) => r.title));
  });

  it.each(Object.keys(WHAT))('reads no notes as rows when it misses the notes heading (a county deleted it): the unruled lines on the page after a ruled table are not its rows: %s', async (layout) => {
    expect(await pdfTitles(layout, 'no such marker')).toEqual(longResources(NOTES_SPILL[layout]).map((r) => r.title));
  });
});
