// 市直学校 are many schools that file on their own: one school's filing never replaces another's, in the ledger, the
// spreadsheet or the digest, while the unit is still counted once against its quota.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestView, type DigestView } from '../../src/ledger/digest-view.ts';
import { filingWarnings } from '../../src/ledger/filing-warnings.ts';
import { readLedger, recordVerdict } from '../../src/ledger/ledger-store.ts';
import type { LedgerState, RecordResult } from '../../src/ledger/ledger-types.ts';
import { rebuildLedgerFile } from '../../src/ledger/rebuild-ledger-file.ts';
import { identifyUnit } from '../../src/validate/identify-unit.ts';
import { campaign, entryOf, errorOf } from './ledger-builders.ts';
import { dropPrefix, localRedisUrl, uniquePrefix } from './redis-for-tests.ts';

const SCHOOLS = '市直学校';
const entries = {
  first: entryOf({ unit: SCHOOLS, filer: '岳阳市第一中学', decision: 'accept', receivedAt: '2022-07-01T10:00:00+08:00', perSection: 2 }),
  second: entryOf({ unit: SCHOOLS, filer: '岳阳市第二中学', decision: 'accept', receivedAt: '2022-07-01T10:00:30+08:00', perSection: 1 }),
  special: entryOf({ unit: SCHOOLS, filer: '岳阳市特殊教育学校', decision: 'reject', receivedAt: '2022-07-01T11:00:00+08:00',
    perSection: 1, errors: [errorOf('NO_STAMP')] }),
  firstAgain: entryOf({ unit: SCHOOLS, filer: '岳阳市第一中学', decision: 'accept', receivedAt: '2022-07-02T09:00:00+08:00', perSection: 3 }),
};

let redis: Redis;
let prefix: string;
let dir: string;
const results: Record<string, RecordResult> = {};
let state: LedgerState;
let view: DigestView;
let summary: Record<string, ExcelJS.CellValue>[];

beforeAll(async () => {
  redis = new Redis(await localRedisUrl());
  prefix = uniquePrefix();
  dir = await mkdtemp(join(tmpdir(), 'separate-filers-'));
  for (const [name, entry] of Object.entries(entries)) results[name] = await recordVerdict(redis, prefix, entry);
  state = await readLedger(redis, prefix);
  view = digestView(state, campaign, new Date('2022-07-02T20:00:00+08:00'));
  await rebuildLedgerFile(redis, prefix, campaign, join(dir, 'ledger.xlsx'));
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(dir, 'ledger.xlsx'));
  const [head, ...rows] = book.getWorksheet('汇总')!.getSheetValues().slice(1).filter(Boolean).map((row) => (row as ExcelJS.CellValue[]).slice(1));
  summary = rows.map((row) => Object.fromEntries(head.map((h, i) => [String(h), row[i]])));
});
afterAll(async () => {
  await dropPrefix(redis, prefix);
  await redis.quit();
  await rm(dir, { recursive: true, force: true });
});

describe('a unit whose institutions file on their own', () => {
  it('is told apart by the school its pattern finds in the form, else the subject, else by the sender', () => {
    const filerOf = (formUnit: string, subject: string, sender = 'school@qq.com') =>
      identifyUnit(campaign, { formUnit, subject, fileNames: [], sender });
    expect(filerOf('岳阳市第一中学', '专题资源推荐表')).toMatchObject({ unit: { name: SCHOOLS }, source: 'form', filer: '岳阳市一中' });
    expect(filerOf('市直学校', '岳阳市 第二中学 专题资源推荐表')).toMatchObject({ source: 'form', filer: '岳阳市二中' });
    // The school's name ends where its word does, not at a 小学 further on (in the form's own title); 湖南省 before
    // it, or its number written short, is the same school (an outside examiner's cases).
    expect(filerOf('市直学校', '岳阳市第一中学国家中小学智慧教育平台专题资源推荐表')).toMatchObject({ filer: '岳阳市一中' });
    expect(filerOf('湖南省岳阳市第一中学（盖章）', '推荐表')).toMatchObject({ unit: { name: SCHOOLS }, filer: '岳阳市一中' });
    expect(filerOf('岳阳市一中', '推荐表')).toMatchObject({ filer: '岳阳市一中' });
    expect(filerOf('岳阳市实验中学', '推荐表')).toMatchObject({ filer: '岳阳市实验中学' });
    expect(filerOf('岳阳市特殊教育学校（盖章）', '推荐表')).toMatchObject({ filer: '岳阳市特殊教育学校' });
    expect(filerOf('市直学校', '专题资源推荐表', 'YYSYZ@126.com')).toMatchObject({ source: 'form', filer: 'yysyz@126.com' });
    expect(filerOf('平江县教育局', '专题资源推荐表')).toMatchObject({ unit: { name: '平江县' }, filer: null });
  });

  it('has one school\'s filing replace only that school\'s earlier one', () => {
    expect(results.second).toMatchObject({ version: 1, supersedes: null, supersededBy: null });
    expect(results.special).toMatchObject({ version: 1, supersedes: null, supersededBy: null });
    expect(results.firstAgain).toMatchObject({ version: 2, supersedes: { emailId: entries.first.emailId } });
    const current = Object.values(state.filings).flat().filter((r) => r.filing?.current).map((r) => r.entry.emailId);
    expect(current.sort()).toEqual([entries.second.emailId, entries.special.emailId, entries.firstAgain.emailId].sort());
  });

  it('names the school in the reply\'s note of what the filing replaced, to the second', () => {
    const warnings = filingWarnings(entries.firstAgain.verdict as typeof entries.firstAgain.verdict & { unit: string }, results.firstAgain, 'Asia/Shanghai');
    expect(warnings).toEqual([{ code: 'RESUBMISSION', message: '本次报送替代市直学校（岳阳市第一中学）于2022年7月1日 10:00:00的报送，以本次为准。' }]);
  });

  it('汇总 has the unit\'s row, counting its accepted schools\' current filings, then a row per school', () => {
    const at = summary.findIndex((row) => row['单位'] === SCHOOLS);
    expect(summary[at]).toMatchObject({ 状态: '已受理', 德育: 4, 报送次数: 4, 当前版本: undefined });
    // Its time is that of the latest of its schools' current filings (一中's second), shown as Shanghai wall-clock time.
    expect(summary[at]['当前版本报送时间']).toEqual(new Date('2022-07-02T09:00:00Z'));
    expect(summary.slice(at + 1, at + 4)).toMatchObject([
      { 单位: '　岳阳市第一中学', 状态: '已受理', 德育: 3, 报送次数: 2, 当前版本: 2 },
      { 单位: '　岳阳市第二中学', 状态: '已受理', 德育: 1, 报送次数: 1, 当前版本: 1 },
      // A returned school's rows do not count: shown apart from the section counts.
      { 单位: '　岳阳市特殊教育学校', 状态: '已退回（不计入）', 德育: undefined, '退回版本条数（不计入）': 6, 报送次数: 1, 当前版本: 1 },
    ]);
    expect(summary.find((row) => row['单位'] === '已受理合计')).toMatchObject({ 德育: 4, '合计条数（已受理）': 24 });
  });

  it('the digest counts the unit once and lists each school\'s filing', () => {
    expect(view).toMatchObject({ unitCount: campaign.units.length, acceptedUnits: 1, returnedUnits: 0, acceptedRows: 24 });
    expect(view.accepted.map((a) => [a.unit, a.rows])).toEqual([['市直学校（岳阳市第一中学）', 18], ['市直学校（岳阳市第二中学）', 6]]);
    expect(view.returned.map((r) => r.unit)).toEqual(['市直学校（岳阳市特殊教育学校）']);
    expect(view.none).not.toContain(SCHOOLS);
  });
});
