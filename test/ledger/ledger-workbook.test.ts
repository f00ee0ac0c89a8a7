// The ledger spreadsheet rebuilt from the real Redis state and read back: the right rows on each sheet, email text
// kept as text, dates as local dates, print setup.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordVerdict } from '../../src/ledger/ledger-store.ts';
import { rebuildLedgerFile } from '../../src/ledger/rebuild-ledger-file.ts';
import { expectedMinimum } from '../../src/ledger/unit-standing.ts';
import { campaign, entryOf, errorOf } from './ledger-builders.ts';
import { dropPrefix, localRedisUrl, uniquePrefix } from './redis-for-tests.ts';
import { xlsxParts } from './xlsx-parts.ts';

const FORMULA_TITLE = '=HYPERLINK("http://evil.test","点我")';
const FORMULA_SUBJECT = '+1+cmd|\' /C calc\'!A0';
const FORMULA_SENDER = '@SUM(1+1)';
const TAB_PRODUCER = '\t-2+3';

const entries = {
  pingjiangFirst: entryOf({ unit: '平江县', decision: 'accept', receivedAt: '2022-07-01T10:12:00+08:00', perSection: 5 }),
  pingjiangSecond: entryOf({ unit: '平江县', decision: 'accept', receivedAt: '2022-07-02T16:30:00+08:00', perSection: 5,
    contact: { contact: '李明', phone: '0730-6222211' } }),
  yueyangReturned: entryOf(
    { unit: '岳阳县', decision: 'reject', receivedAt: '2022-07-03T09:00:00+08:00', perSection: 3, title: FORMULA_TITLE,
      errors: [errorOf('QUOTA_SHORTFALL'), errorOf('NO_STAMP')] },
    { subject: FORMULA_SUBJECT, from: FORMULA_SENDER },
  ),
  autoReply: entryOf({ unit: null, decision: 'ignore', receivedAt: '2022-07-03T11:00:00+08:00', warnings: [errorOf('AUTO_GENERATED')] },
    { subject: '自动回复：休假中\u0007' }),
  linxiangLate: entryOf({ unit: '临湘市', decision: 'reject', receivedAt: '2022-07-05T09:00:00+08:00', perSection: 5,
    errors: [errorOf('LATE')] }),
  nameless: entryOf({ unit: null, decision: 'reject', receivedAt: '2022-07-05T08:00:00+08:00', errors: [errorOf('UNKNOWN_UNIT')] }),
};
entries.yueyangReturned.verdict.resources[0].producer = TAB_PRODUCER;

let redis: Redis;
let prefix: string;
let dir: string;
let book: ExcelJS.Workbook;
let file: string;

beforeAll(async () => {
  redis = new Redis(await localRedisUrl());
  prefix = uniquePrefix();
  dir = await mkdtemp(join(tmpdir(), 'ledger-workbook-'));
  file = join(dir, '报送台账.xlsx');
  for (const entry of Object.values(entries)) await recordVerdict(redis, prefix, entry);
  await rebuildLedgerFile(redis, prefix, campaign, file);
  book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
});
afterAll(async () => {
  await dropPrefix(redis, prefix);
  await redis.quit();
  await rm(dir, { recursive: true, force: true });
});

/** A sheet's rows as arrays of cell values, header first. */
function rowsOf(name: string): ExcelJS.CellValue[][] {
  const sheet = book.getWorksheet(name)!;
  // A blank row (before 汇总's totals) has no values at all.
  return sheet.getSheetValues().slice(1).filter(Boolean).map((row) => (row as ExcelJS.CellValue[]).slice(1));
}
function column(name: string, header: string): ExcelJS.CellValue[] {
  const [head, ...rows] = rowsOf(name);
  return rows.map((row) => row[head.indexOf(header)]);
}

describe('the ledger spreadsheet', () => {
  it('has the four sheets in order', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual(['汇总', '明细', '退回记录', '邮件']);
  });

  it('汇总 has a row per unit with its current status and a totals row against the expected minimum', () => {
    const [head, ...rows] = rowsOf('汇总');
    expect(rows).toHaveLength(campaign.units.length + 1);
    const byUnit = new Map(rows.map((row) => [row[0], Object.fromEntries(head.map((h, i) => [String(h), row[i]]))]));
    expect(byUnit.get('平江县')).toMatchObject({ 状态: '已受理', 报送次数: 2, 当前版本: 2, 德育: 5, '合计条数（已受理）': 30, 逾期: undefined });
    expect(byUnit.get('华容县')).toMatchObject({ 状态: '未报送', 报送次数: 0 });
    expect(byUnit.get('已受理合计')).toMatchObject({ 德育: 5, '合计条数（已受理）': 30, 最低应报条数: expectedMinimum(campaign) });
    expect(byUnit.get('平江县')!['当前版本报送时间']).toEqual(new Date('2022-07-02T16:30:00Z'));
  });

  it('汇总 and 明细 name whom to call: the form\'s 联系人 and 联系电话, as the current filing has them', () => {
    const [head, ...rows] = rowsOf('汇总');
    const pingjiang = rows.find((row) => row[0] === '平江县')!;
    expect([pingjiang[head.indexOf('联系人')], pingjiang[head.indexOf('联系电话')]]).toEqual(['李明', '0730-6222211']);
    const contacts = column('明细', '联系人');
    const counted = column('明细', '计入');
    expect(contacts.filter((_, i) => counted[i] === '是')).toEqual(Array(30).fill('李明'));
    expect(column('明细', '联系电话').filter((_, i) => counted[i] === '是')).toEqual(Array(30).fill('0730-6222211'));
  });

  it('汇总 counts only accepted filings in the section columns; a returned unit\'s rows are shown apart', () => {
    const [head, ...rows] = rowsOf('汇总');
    const byUnit = new Map(rows.map((row) => [row[0], Object.fromEntries(head.map((h, i) => [String(h), row[i]]))]));
    expect(byUnit.get('岳阳县')).toMatchObject({ 状态: '已退回（不计入）', 德育: undefined, '合计条数（已受理）': undefined, '退回版本条数（不计入）': 18 });
    expect(String(byUnit.get('岳阳县')!['不足版块（现有/最低）'])).toContain('退回版本：德育 3/5');
    expect(byUnit.get('临湘市')).toMatchObject({ 状态: '已退回（不计入）', 逾期: '逾期', 德育: undefined, '退回版本条数（不计入）': 30 });
    expect(byUnit.get('平江县')!['退回版本条数（不计入）']).toBeUndefined();
  });

  it('汇总\'s filter covers the units only: sorting them leaves the totals row below, apart', () => {
    const sheet = book.getWorksheet('汇总')!;
    // No institution filed on its own here: a row per unit under the header.
    const lastUnitRow = campaign.units.length + 1;
    expect(String(sheet.autoFilter)).toMatch(new RegExp(`^A1:[A-Z]+${lastUnitRow}$`));
    expect(sheet.getRow(lastUnitRow + 1).hasValues).toBe(false);
    expect(sheet.getRow(lastUnitRow + 2).getCell(1).value).toBe('已受理合计');
  });

  it('明细 lists every resource row of every filing, the superseded ones marked as no longer current', () => {
    const units = column('明细', '单位');
    expect(units.filter((u) => u === '平江县')).toHaveLength(60);
    expect(units.filter((u) => u === '岳阳县')).toHaveLength(18);
    expect(units.filter((u) => u === '临湘市')).toHaveLength(30);
    expect(units).toHaveLength(108);
    const versions = column('明细', '版本');
    const counted = column('明细', '计入');
    const pingjiang = units.map((u, i) => [u, versions[i], counted[i]]).filter(([u]) => u === '平江县');
    expect(pingjiang.slice(0, 30).every(([, v, c]) => v === 1 && c === '否')).toBe(true);
    expect(pingjiang.slice(30).every(([, v, c]) => v === 2 && c === '是')).toBe(true);
    expect(column('明细', '结论').filter((d) => d === '退回')).toHaveLength(48);
  });

  it('明细\'s 计入 is 是 on the accepted current filings\' rows alone, each other row saying why not', () => {
    const counted = column('明细', '计入');
    const why = column('明细', '是否计入及原因');
    const units = column('明细', '单位');
    // Returned filings that are their unit's current one (岳阳县's, 临湘市's late one) do not count.
    expect(units.filter((_, i) => counted[i] === '是')).toEqual(Array(30).fill('平江县'));
    expect(new Set(why.filter((_, i) => units[i] === '岳阳县'))).toEqual(new Set(['不计入（已退回，该单位尚无受理版本）']));
    expect(why[0]).toBe('不计入（已受理，以第2版受理版本为准）');
    expect(why[30]).toBe('计入（当前有效的受理版本）');
    // What 计入 gives is what 汇总's totals count.
    expect(counted.filter((c) => c === '是')).toHaveLength(30);
  });

  it('明细 takes its resource headers from the campaign form', () => {
    const [head] = rowsOf('明细');
    for (const header of campaign.form.columns.filter((c) => c.key !== 'seq').map((c) => c.header)) {
      expect(head).toContain(header);
    }
  });

  it('退回记录 has one line per reason of every return, the nameless one included, and what became of it', () => {
    expect(column('退回记录', '代码')).toEqual(['QUOTA_SHORTFALL', 'NO_STAMP', 'UNKNOWN_UNIT', 'LATE']);
    expect(column('退回记录', '单位')).toEqual(['岳阳县', '岳阳县', '（未识别单位）', '临湘市']);
    expect(column('退回记录', '后续')).toEqual(['尚无受理版本', '尚无受理版本', '单位无法识别', '尚无受理版本']);
    expect(column('退回记录', '问题说明')[1]).toBe('NO_STAMP 的说明');
  });

  it('邮件 lists every handled email, the ignored one with its reason', () => {
    expect(column('邮件', '邮件编号')).toEqual(Object.values(entries).map((e) => e.emailId));
    expect(column('邮件', '结论')).toEqual(['受理', '受理', '退回', '忽略', '退回', '退回']);
    expect(column('邮件', '原因')[3]).toBe('自动邮件');
    // What the reply said of the unit's other filing is kept too: 平江县's second filing replaced its first.
    expect(column('邮件', '原因')[1]).toBe('重新报送');
    expect(column('邮件', '说明')[1]).toBe('本次报送替代平江县于2022年7月1日 10:12:00的报送，以本次为准。');
  });

  it('text from emails that looks like a formula is stored as plain text, never as a formula', async () => {
    const cells: ExcelJS.Cell[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => { cells.push(cell); })));
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    const texts = cells.filter((c) => c.type === ExcelJS.ValueType.String).map((c) => c.value);
    for (const text of [FORMULA_TITLE, FORMULA_SUBJECT, FORMULA_SENDER, TAB_PRODUCER]) expect(texts).toContain(text);
    const parts = await xlsxParts(file);
    const sheetXml = [...parts].filter(([name]) => name.startsWith('xl/worksheets/sheet'));
    expect(sheetXml).toHaveLength(4);
    for (const [, xml] of sheetXml) expect(xml).not.toMatch(/<f[\s>]/);
  });

  it('characters XML cannot hold are dropped from email text', () => {
    expect(column('邮件', '邮件主题')[3]).toBe('自动回复：休假中');
  });

  it('times are date cells showing Shanghai wall-clock time', () => {
    const cell = book.getWorksheet('邮件')!.getCell(2, 2);
    expect(cell.type).toBe(ExcelJS.ValueType.Date);
    expect(cell.value).toEqual(new Date('2022-07-01T10:12:00Z'));
    expect(cell.numFmt).toBe('yyyy-mm-dd hh:mm:ss');
  });

  it('every sheet prints on A4 landscape, fitted to width, with its frozen, filtered header row repeated', () => {
    for (const sheet of book.worksheets) {
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, printTitlesRow: '1:1' });
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeTruthy();
    }
  });
});
