// The daily digest built from a real Redis ledger: who filed, who is short where, who was returned and not yet
// accepted, who has not filed, what was returned and what mail was left for staff since the last digest (else today,
// Shanghai day), answers that did not go out, filings of senders not vouched for, totals against the minimum.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/ledger/digest.ts';
import { digestView, type DigestView } from '../../src/ledger/digest-view.ts';
import { readLedger, recordVerdict } from '../../src/ledger/ledger-store.ts';
import type { LedgerState } from '../../src/ledger/ledger-types.ts';
import { expectedMinimum } from '../../src/ledger/unit-standing.ts';
import { campaign, entryOf, errorOf } from './ledger-builders.ts';
import { dropPrefix, localRedisUrl, uniquePrefix } from './redis-for-tests.ts';

const NOW = new Date('2022-07-03T20:00:00+08:00');

const entries = [
  entryOf({ unit: '平江县', decision: 'accept', receivedAt: '2022-07-01T10:12:00+08:00', perSection: 5,
    warnings: [errorOf('SENDER_NOT_AUTHENTICATED')] }, { from: 'pjx@county.test' }),
  entryOf({ unit: '岳阳县', decision: 'accept', receivedAt: '2022-07-01T11:00:00+08:00', perSection: 5 }),
  entryOf({ unit: '华容县', decision: 'reject', receivedAt: '2022-07-02T09:00:00+08:00', perSection: 3,
    errors: [errorOf('QUOTA_SHORTFALL'), errorOf('NO_STAMP')] }),
  // Handled at 01:00 Shanghai time on the 3rd, which is still the 2nd in UTC: it was returned "today". It leaves the
  // unit's accepted filing current.
  entryOf({ unit: '岳阳县', decision: 'reject', receivedAt: '2022-07-03T00:55:00+08:00', perSection: 3,
    errors: [errorOf('QUOTA_SHORTFALL'), errorOf('NO_STAMP')] }, { handledAt: '2022-07-02T17:00:00Z' }),
  entryOf({ unit: null, decision: 'reject', receivedAt: '2022-07-03T10:00:00+08:00', errors: [errorOf('UNKNOWN_UNIT')] },
    { from: '"张三" <zs@county.test>' }),
  entryOf({ unit: null, decision: 'ignore', receivedAt: '2022-07-03T12:00:00+08:00', warnings: [errorOf('AUTO_GENERATED')] }),
  // A county's question: left for staff, so named in the digest.
  entryOf({ unit: null, decision: 'ignore', receivedAt: '2022-07-03T13:00:00+08:00', warnings: [errorOf('NOT_A_SUBMISSION')] },
    { from: 'jsq@county.test', subject: '咨询：推荐表是否需要每个版块都填满？' }),
  // Accepted from an address not registered for 岳阳县: its registered accepted filing stays current.
  entryOf({ unit: '岳阳县', decision: 'accept', receivedAt: '2022-07-02T12:00:00+08:00', perSection: 5,
    warnings: [errorOf('UNREGISTERED_SENDER')] }, { from: 'zhangsan@163.test' }),
];

let redis: Redis;
let prefix: string;
let state: LedgerState;
let view: DigestView;

beforeAll(async () => {
  redis = new Redis(await localRedisUrl());
  prefix = uniquePrefix();
  for (const entry of entries) await recordVerdict(redis, prefix, entry);
  state = await readLedger(redis, prefix);
  view = digestView(state, campaign, NOW);
});
afterAll(async () => {
  await dropPrefix(redis, prefix);
  await redis.quit();
});

describe('the daily digest', () => {
  it('lists the units whose current filing is accepted, one whose later filing was returned included', () => {
    expect(view.accepted).toEqual([
      { unit: '平江县', rows: 30, at: '2022年7月1日 10:12', links: 0 },
      { unit: '岳阳县', rows: 30, at: '2022年7月1日 11:00', links: 0 },
    ]);
  });

  it('lists returned units not yet accepted', () => {
    expect(view.returned).toEqual([{ unit: '华容县', at: '2022年7月2日 09:00', reasons: '条数不足、未盖公章' }]);
  });

  it('names every filing whose sender is not vouched for (unregistered, or not authenticated), saying whether it counts', () => {
    expect(view.unverified).toEqual([
      { unit: '平江县', from: 'pjx@county.test', at: '2022年7月1日 10:12', fresh: false, reasons: '发件人未通过验证', standing: '计入（当前有效的受理版本）' },
      { unit: '岳阳县', from: 'zhangsan@163.test', at: '2022年7月2日 12:00', fresh: false, reasons: '发件地址未登记', standing: '不计入（已受理，以第1版受理版本为准）' },
    ]);
    const { text } = buildDigest(state, campaign, NOW);
    expect(text).toContain('- 平江县（pjx@county.test）：2022年7月1日 10:12 报送，发件人未通过验证；计入（当前有效的受理版本）\n');
    expect(text).toContain('- 岳阳县（zhangsan@163.test）：2022年7月2日 12:00 报送，发件地址未登记；不计入（已受理，以第1版受理版本为准）\n');
  });

  it('lists the mail left for a person (a question, other business) with sender, subject and time; automatic mail only counted', () => {
    expect(view.forStaff).toEqual([{ at: '2022年7月3日 13:00', from: 'jsq@county.test', subject: '咨询：推荐表是否需要每个版块都填满？', links: '' }]);
    const { text } = buildDigest(state, campaign, NOW);
    expect(text).toContain('今日处理邮件 4 封：受理 0，退回 2，忽略 2（自动邮件 1，需人工查看的非报送邮件 1，见九）。');
    expect(text).toMatch(/九、需人工查看的非报送邮件（1 封，今日收到；[^\n]*\n- 2022年7月3日 13:00 jsq@county.test：咨询：推荐表是否需要每个版块都填满？\n/);
    expect(text).not.toContain('未处理');
  });

  it('reports what came in since the last digest, so nothing handled after one day\'s digest is missed', () => {
    const since = new Date('2022-07-02T10:00:00+08:00');
    const later = digestView(state, campaign, NOW, [], since);
    expect(later.period).toBe('自上次日报（2022年7月2日 10:00）以来');
    expect(later.handled).toEqual({ total: 5, accepted: 1, returned: 2, ignored: 2, automatic: 1, forStaff: 1 });
    expect(later.unverified.map((u) => [u.unit, u.fresh])).toEqual([['平江县', false], ['岳阳县', true]]);
    const { text } = buildDigest(state, campaign, NOW, [], since);
    expect(text).toContain('六、自上次日报（2022年7月2日 10:00）以来退回（2 封');
    expect(text).toContain('- 【新】岳阳县（zhangsan@163.test）');
  });

  it('says which sections a unit is short in, have against need', () => {
    expect(view.short).toEqual([{ unit: '华容县', status: '已退回', sections: campaign.sections.map((s) => `${s.name} 3/5`).join('、') }]);
  });

  it('names every unit that has not filed at all', () => {
    const filed = new Set(['平江县', '岳阳县', '华容县']);
    expect(view.none).toBe(campaign.units.map((u) => u.name).filter((n) => !filed.has(n)).join('、'));
    expect(view.noneCount).toBe(campaign.units.length - 3);
  });

  it('lists what was returned on the Shanghai calendar day of now, not the UTC one, and what became of it since', () => {
    expect(view.returnedSince.map((r) => [r.at, r.unit, r.reasons, r.followUp])).toEqual([
      ['2022年7月3日 01:00', '岳阳县', '条数不足、未盖公章', '此前受理的第1版仍有效'],
      ['2022年7月3日 10:00', '（未识别单位）', '单位无法识别', '单位无法识别'],
    ]);
    expect(view.handled).toEqual({ total: 4, accepted: 0, returned: 2, ignored: 2, automatic: 1, forStaff: 1 });
    expect(buildDigest(state, campaign, NOW).text).toContain('- 2022年7月3日 01:00 岳阳县（county@county.test）：条数不足、未盖公章；后续：此前受理的第1版仍有效\n');
  });

  it('counts accepted rows against the campaign\'s expected minimum', () => {
    expect(view.acceptedRows).toBe(60);
    expect(view.expectedMinimum).toBe(expectedMinimum(campaign));
    expect(view.expectedMinimum).toBe(campaign.units.reduce((sum, u) => sum + u.quota, 0) * campaign.sections.length);
  });

  it('renders a short Chinese subject, text and escaped HTML from the templates', () => {
    const digest = buildDigest(state, campaign, NOW);
    expect(digest.subject).toBe(`【报送日报】2022年7月3日 已受理 2/${campaign.units.length} 个单位`);
    expect(digest.text).toContain('- 平江县：30 条，2022年7月1日 10:12 报送');
    expect(digest.text).toContain('- 华容县：2022年7月2日 09:00 报送，退回原因：条数不足、未盖公章\n');
    expect(digest.text).toContain('报送截止2022年7月4日，还有 1 天');
    expect(digest.text).toContain('（"张三" <zs@county.test>）');
    expect(digest.html).toContain('（&quot;张三&quot; &lt;zs@county.test&gt;）');
    expect(digest.attachmentName).toBe('报送台账-2022-07-03.xlsx');
  });

  it('names each answer that did not go out, held by the per-sender limit or refused by the mail server', () => {
    const [pingjiang, huarong] = [state.records[0], state.records[2]];
    const unsent = [
      { record: pingjiang, why: 'held' as const, detail: '' },
      { record: huarong, why: 'refused' as const, detail: 'SMTP refused permanently (550): no such user' },
    ];
    const digest = buildDigest(state, campaign, NOW, unsent);
    expect(digest.text).toContain('七、未能发出的回复（2 封；原邮件仍在收件箱，未归档，请人工回复；已回复、删除或移走的不再列出）');
    expect(digest.text).toContain('- 2022年7月1日 10:12 平江县（');
    expect(digest.text).toContain('，受理）：同一地址一小时内回复过多，回复暂缓');
    expect(digest.text).toContain('，退回）：邮件服务器拒收此回复，不再重发：收件地址无效或内容被拒（SMTP refused permanently (550): no such user）');
    expect(buildDigest(state, campaign, NOW).text).toMatch(/七、未能发出的回复（0 封；[^\n]*\n- 无/);
    expect(buildDigest(state, campaign, NOW).text).not.toContain('正在自动重试');
  });

  it('tells replies waiting on our own mail server apart: not for staff to answer, the setting to check named', () => {
    const [pingjiang, huarong] = [state.records[0], state.records[2]];
    const unsent = [
      { record: pingjiang, why: 'login' as const, detail: 'Invalid login: 535 Error: authentication failed' },
      { record: huarong, why: 'connection' as const, detail: 'wrong version number' },
    ];
    const { text, html } = buildDigest(state, campaign, NOW, unsent);
    expect(text).toMatch(/七、未能发出的回复（0 封；[^\n]*\n- 无\n暂未发出、正在自动重试的回复（2 封；[^\n]*无需人工回复；已人工回复的，不再自动发出/);
    expect(text).toContain('，受理）：本局发信邮箱登录被拒（授权码有误或失效？请维护人员检查 SMTP_USER、SMTP_PASS），正在自动重试（Invalid login: 535 Error: authentication failed）');
    expect(text).toContain('，退回）：连不上本局的发信服务器（请维护人员检查 SMTP_HOST、SMTP_PORT、SMTP_SECURE 及网络），正在自动重试（wrong version number）');
    expect(text).not.toContain('拒收此回复');
    expect(html).toContain('<li>2022年7月1日 10:12 平江县（');
    expect(html).toContain('本局发信邮箱登录被拒');
  });

  it('says the deadline has passed once it has, and that a returned unit can no longer refile', () => {
    const after = new Date('2022-07-05T08:00:00+08:00');
    expect(digestView(state, campaign, after).deadlineNote).toBe('报送已于2022年7月4日截止');
    const { text } = buildDigest(state, campaign, after);
    expect(text).toContain('已退回、未受理 1 个，未报送');
    expect(text).toContain('报送已截止，退回的单位不能再重报。');
    expect(text).toContain('三、已退回、尚未受理（1 份报送；已截止，不能再重报）');
    expect(text).not.toContain('待重报');
    expect(buildDigest(state, campaign, NOW).text).toContain('已退回待重报 1 个');
  });

  it('names the deadline day without brackets in brackets', () => {
    expect(digestView(state, campaign, new Date('2022-07-04T08:00:00+08:00')).deadlineNote).toBe('2022年7月4日即今日报送截止');
  });
});
