// The resources go by 网盘 ("具体资源内容可通过网盘报送"): staff fetch them with the link and 提取码 a unit wrote in its
// email, its table, or an email of their own. The ledger keeps them per email (邮件) and per unit (汇总), and the
// digest names a link sent on its own, which is no filing.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/ledger/digest.ts';
import { readLedger, recordVerdict } from '../../src/ledger/ledger-store.ts';
import { rebuildLedgerFile } from '../../src/ledger/rebuild-ledger-file.ts';
import type { LedgerEntry } from '../../src/ledger/ledger-types.ts';
import type { ShareLink } from '../../src/types.ts';
import { campaign, entryOf, errorOf } from './ledger-builders.ts';
import { dropPrefix, localRedisUrl, uniquePrefix } from './redis-for-tests.ts';

const XIANGYIN = 'xyxjyj@126.com';
const link = (url: string, code: string | null, where = '邮件正文'): ShareLink => ({ url, code, where });
const withLinks = (entry: LedgerEntry, shareLinks: ShareLink[]): LedgerEntry => ({ ...entry, verdict: { ...entry.verdict, shareLinks } });

const entries = [
  withLinks(entryOf({ unit: '湘阴县', decision: 'reject', receivedAt: '2022-07-01T10:00:00+08:00', perSection: 5,
    errors: [errorOf('NO_STAMP')] }, { from: XIANGYIN }), [link('https://pan.baidu.com/s/1first', 'aaaa'),
    link('https://pan.quark.cn/s/row3', null, '第3条资源的备注')]),
  // The link sent again in an email of its own, now with the code the first mention lacked, and one more.
  withLinks(entryOf({ unit: null, decision: 'ignore', receivedAt: '2022-07-01T11:00:00+08:00', warnings: [errorOf('NOT_A_SUBMISSION')] },
    { from: XIANGYIN, subject: '湘阴县资源网盘链接' }), [link('https://pan.quark.cn/s/row3', 'q3q3'), link('https://www.aliyundrive.com/s/more', 'mmmm')]),
  // The refiled table, accepted, says nothing of links: the unit's links still stand.
  entryOf({ unit: '湘阴县', decision: 'accept', receivedAt: '2022-07-02T09:00:00+08:00', perSection: 5 }, { from: XIANGYIN }),
  // A stranger's link is no unit's.
  withLinks(entryOf({ unit: null, decision: 'ignore', receivedAt: '2022-07-02T10:00:00+08:00', warnings: [errorOf('NOT_A_SUBMISSION')] },
    { from: 'someone@else.test', subject: '资源' }), [link('https://pan.baidu.com/s/1other', null)]),
  // A verdict recorded before share links were kept has none.
  entryOf({ unit: '平江县', decision: 'accept', receivedAt: '2022-07-02T09:30:00+08:00', perSection: 5 }),
];
delete entries[4].verdict.shareLinks;

let redis: Redis;
let prefix: string;
let dir: string;
let book: ExcelJS.Workbook;

beforeAll(async () => {
  redis = new Redis(await localRedisUrl());
  prefix = uniquePrefix();
  dir = await mkdtemp(join(tmpdir(), 'share-links-'));
  for (const entry of entries) await recordVerdict(redis, prefix, entry);
  await rebuildLedgerFile(redis, prefix, campaign, join(dir, '报送台账.xlsx'));
  book = new ExcelJS.Workbook();
  await book.xlsx.readFile(join(dir, '报送台账.xlsx'));
});
afterAll(async () => {
  await dropPrefix(redis, prefix);
  await redis.quit();
  await rm(dir, { recursive: true, force: true });
});

/** A sheet's rows as objects keyed by header. */
function rowsOf(name: string): Record<string, ExcelJS.CellValue>[] {
  const [head, ...rows] = book.getWorksheet(name)!.getSheetValues().slice(1).filter(Boolean)
    .map((row) => (row as ExcelJS.CellValue[]).slice(1));
  return rows.map((row) => Object.fromEntries(head.map((h, i) => [String(h), row[i]])));
}

describe('网盘 links in the ledger', () => {
  it('汇总 gives each unit the links of its filings, newest first, and of its own emails that were no filing, codes filled in', () => {
    const byUnit = new Map(rowsOf('汇总').map((r) => [r['单位'], r['资源网盘链接（提取码）']]));
    expect(byUnit.get('湘阴县')).toBe([
      'https://pan.baidu.com/s/1first（提取码 aaaa）',
      'https://pan.quark.cn/s/row3（提取码 q3q3）',
      'https://www.aliyundrive.com/s/more（提取码 mmmm）',
    ].join('\n'));
    expect(byUnit.get('平江县')).toBeUndefined();
  });

  it('邮件 shows each email\'s own links, the stranger\'s included', () => {
    const bySubject = new Map(rowsOf('邮件').map((r) => [r['邮件主题'], r['网盘链接（提取码）']]));
    expect(bySubject.get('资源')).toBe('https://pan.baidu.com/s/1other');
    expect(bySubject.get('湘阴县资源网盘链接')).toBe('https://pan.quark.cn/s/row3（提取码 q3q3）\nhttps://www.aliyundrive.com/s/more（提取码 mmmm）');
    expect(bySubject.get('平江县专题资源推荐表')).toBeUndefined();
  });

  it('the digest names the links of mail left for a person, and says which accepted units sent none', async () => {
    const { text } = buildDigest(await readLedger(redis, prefix), campaign, new Date('2022-07-02T20:00:00+08:00'));
    expect(text).toContain('- 2022年7月2日 10:00 someone@else.test：资源（含资源网盘链接：https://pan.baidu.com/s/1other）\n');
    expect(text).toContain('- 湘阴县：30 条，2022年7月2日 09:00 报送；资源网盘链接 3 个（见台账汇总表）\n');
    expect(text).toContain('- 平江县：30 条，2022年7月2日 09:30 报送；未见资源网盘链接（资源或以光盘寄送，请核实）\n');
  });
});
