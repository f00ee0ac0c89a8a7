// Titles typed to look like spreadsheet formulas (=, +, -, @, a leading tab) pass through the verdict as text and
// reach the ledger spreadsheet as text cells, never formulas, in columns formatted as Text. test/ledger/ledger-workbook.test.ts checks the sheet
// writer with made-up verdicts; this goes from a county's email through checkEmail to the workbook bytes.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ledgerWorkbookBytes } from '../../src/ledger/ledger-workbook.ts';
import type { LedgerState } from '../../src/ledger/ledger-types.ts';
import { formDocx } from '../fixtures/email-kit/forms.ts';
import { unitResources } from '../fixtures/email-kit/unit-resources.ts';
import { campaign, check, countyEmail, DOCX_TYPE } from './hostile-kit.ts';

const FORMULAS = ['=HYPERLINK("http://evil.test/","点此查看")', '+1+cmd|\'/C calc\'!A0', '-2+3', '@SUM(A1:A9)', '\t=1+1'];

async function formulaEmail(): Promise<Buffer> {
  const rows = unitResources('湘阴县', 5, '湘阴县教育局').map((r, i) => (i < FORMULAS.length ? { ...r, title: FORMULAS[i] } : r));
  const docx = await formDocx({ unitLine: '湘阴县教育局', contact: '易晓红', phone: '0730-2222222', rows });
  return countyEmail([{ filename: '湘阴县专题资源推荐表.docx', contentType: DOCX_TYPE, content: docx }]);
}

describe('titles that look like formulas', () => {
  it('are read into the verdict as the text typed (a leading tab trimmed like any outer space) and reach the sheet as text', async () => {
    const verdict = await check(await formulaEmail());
    const titles = verdict.resources.map((r) => r.title);
    expect(titles.slice(0, FORMULAS.length)).toEqual(FORMULAS.map((t) => t.trim()));

    const record = { entry: { emailId: 'a'.repeat(64), verdict, from: verdict.from, subject: verdict.subject, handledAt: verdict.receivedAt },
      filing: { version: 1, current: true } };
    const state: LedgerState = { records: [record], filings: { 湘阴县: [record] } };
    const book = new ExcelJS.Workbook();
    // exceljs types its input as its own Buffer interface, which a plain ArrayBuffer satisfies.
    await book.xlsx.load(new Uint8Array(await ledgerWorkbookBytes(state, campaign)).buffer);
    const cells: ExcelJS.Cell[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => { cells.push(cell); })));
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    const texts = cells.filter((c) => c.type === ExcelJS.ValueType.String).map((c) => c.value);
    for (const title of FORMULAS) expect(texts).toContain(title.trim());
    // Formatted as Text, so that editing such a cell in Excel keeps it text; numbers stay numbers.
    const titleCells = cells.filter((c) => FORMULAS.map((t) => t.trim()).includes(String(c.value)));
    expect(titleCells.length).toBeGreaterThan(0);
    for (const cell of titleCells) expect(cell.numFmt).toBe('@');
    const numbers = cells.filter((c) => c.type === ExcelJS.ValueType.Number);
    expect(numbers.length).toBeGreaterThan(0);
    for (const cell of numbers) expect(cell.numFmt).not.toBe('@');
  });
});
