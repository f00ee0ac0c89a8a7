import { describe, expect, it } from 'vitest';
import { isTotalRow } from '../../src/rules/total-row.ts';

describe('a total line under the resources', () => {
  it('is 合计, 总计, 小计 or 共计 in the 序号 or 资源标题 cell, the rest counts, empty or the word merged across', () => {
    expect(isTotalRow({ seq: '合计', title: '合计', producer: '30条', section: '30条', format: '' })).toBe(true);
    expect(isTotalRow({ seq: '', title: '总 计：', section: '共30项' })).toBe(true);
    expect(isTotalRow({ seq: '小计', title: '', remark: '5' })).toBe(true);
    expect(isTotalRow({ seq: '31', title: '共计', summary: '6个' })).toBe(true);
    // Other ways counties write it (an outside examiner's cases).
    expect(isTotalRow({ seq: '总计', title: '共推荐资源30条', producer: '共推荐资源30条' })).toBe(true);
    expect(isTotalRow({ seq: '合计', title: '30条（德育5条、劳动教育5条）', section: '30条（德育5条、劳动教育5条）' })).toBe(true);
    expect(isTotalRow({ seq: '', title: '合计：共推荐资源30条', section: '', format: '' })).toBe(true);
  });

  it('is not a resource whose title holds such a word, nor a row with anything but counts beside the word', () => {
    expect(isTotalRow({ seq: '3', title: '合计与估算：小学数学微课', section: '课后服务' })).toBe(false);
    expect(isTotalRow({ seq: '', title: '合计', producer: '湘阴县第一中学', section: '德育' })).toBe(false);
    expect(isTotalRow({ seq: '1', title: '湘阴县党史学习系列微课（1）' })).toBe(false);
    expect(isTotalRow({ seq: '2', title: '合计：认识人民币', producer: '湘阴县第一中学', format: '视频' })).toBe(false);
  });
});
