// Next year's campaign is a new rules file: what the bot writes to counties and staff carries that file's facts
// and none of 2022's (an outside examiner's 2023 campaign met the 2022 signature and 专题资源 wording).
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../src/ledger/digest.ts';
import { finding } from '../../src/messages/catalogue.ts';
import { replyFor } from '../../src/reply/render-reply.ts';
import type { Campaign } from '../../src/types.ts';
import { unrelated } from '../../src/verdict/not-a-submission.ts';
import { campaign, email } from './helpers.ts';

const changde: Campaign = {
  ...campaign,
  id: 'changde-2023',
  name: '常德市中小学优质数字教育资源推荐（2023）',
  collector: { name: '常德市教育局', mailbox: 'cdsjyjzy@163.com', contacts: ['王晓燕'], phone: '0736-7221356' },
  deadline: { date: '2023-09-15', timeZone: 'Asia/Shanghai' },
  campaignWords: ['优质数字教育资源'],
  form: { ...campaign.form, title: '常德市中小学优质数字教育资源推荐汇总表' },
  sections: [{ name: '思政教育', aliases: [], columns: ['党史学习', '爱国主义'] }, { name: '科学教育', aliases: [], columns: ['科普'] }],
  units: [{ name: '武陵区', aliases: ['武陵区教育局'], quota: 2, senders: ['wlq@county.test'] }],
};
const OLD_FACTS = /岳阳|yysyj|刘健华|陈育军|8805708|2022|专题资源|智慧教育平台|德育|工作组|拟上线/;
const mail = email({ from: { address: 'wlq@county.test', name: '武陵区教育局' }, subject: '武陵区推荐表', receivedAt: new Date('2023-09-10T02:00:00Z') });

describe('another campaign\'s words', () => {
  it('in an acceptance and a return', () => {
    const counts = { 思政教育: 2, 科学教育: 2 };
    const header = { unit: '武陵区教育局', contact: '张三', phone: '0736-1234567' };
    const accepted = replyFor(changde, mail, { unit: '武陵区', form: header, errors: [], warnings: [], countsBySection: counts }, []);
    const returned = replyFor(changde, mail, { unit: '武陵区', form: header, errors: [finding('NO_STAMP', { file: 'a.pdf' })], warnings: [], countsBySection: counts }, []);
    for (const said of [accepted.text, accepted.html!, returned.text, returned.html!]) {
      expect(said).not.toMatch(OLD_FACTS);
      expect(said).toContain('常德市教育局');
      expect(said).toContain('2023年9月15日');
    }
  });

  it('in the digest and the answer to unrelated mail', () => {
    const digest = buildDigest({ records: [], filings: {} }, changde, new Date('2023-09-10T10:00:00Z'));
    for (const said of [digest.subject, digest.text, digest.html]) expect(said).not.toMatch(OLD_FACTS);
    expect(digest.text).toContain('常德市中小学优质数字教育资源推荐（2023）');
    const other = unrelated(changde, email({ subject: '会议通知', text: '请参加会议' }), false);
    expect(other?.message).not.toMatch(OLD_FACTS);
  });
});
