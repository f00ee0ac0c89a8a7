// What a crafted filing can make the bot write, and to whom: an auto-reply hidden behind a reply prefix or brackets
// is not answered (two responders must not bounce off each other); the answer goes to the From whatever a Reply-To
// says (the city's own mailbox, a stranger, another address at the same provider, a registered one), unless the From
// is a no-reply address; marks that reorder displayed text are not echoed.
import { describe, expect, it } from 'vitest';
import { checkEmail } from '../../src/pipeline/check-email.ts';
import { campaign, check, countyEmail, goodDocx, goodPdf } from './hostile-kit.ts';

describe('a filing whose subject says it is an auto-reply', () => {
  it.each(['【自动回复】湘阴县专题资源推荐表', '[Auto-Reply] Re: 湘阴县专题资源推荐表', 'Re: 自动回复：湘阴县专题资源推荐表', '回复：(Out of Office) 推荐表'])(
    '%s: ignored, not answered', async (subject) => {
      const verdict = await check(countyEmail([goodDocx(), goodPdf()], { subject }));
      expect(verdict.decision).toBe('ignore');
      expect(verdict.reply).toBeNull();
    },
  );

  it('but a county subject that only mentions replies is answered', async () => {
    const verdict = await check(countyEmail([goodDocx(), goodPdf()], { subject: '回复：湘阴县专题资源推荐表（已盖章）' }));
    expect(verdict.decision).toBe('accept');
  });
});

describe('where the answer goes', () => {
  it.each([
    ['a third party', 'victim@elsewhere.test'],
    ["an address in the From's own organisation", 'DianJiao@Xiangyin.gov.cn'],
    ['another address at the same public provider', 'random-victim@126.com'],
    ["a unit's registered address", 'xyxjyj@126.com'],
    ["the city's own mailbox", campaign.collector.mailbox.toUpperCase()],
  ])('to the From, when the Reply-To names %s (an automatic answer goes back to its sender, RFC 3834)', async (_what, replyTo) => {
    const raw = countyEmail([goodDocx(), goodPdf()], { from: 'wangli@xiangyin.gov.cn', extraHeaders: [`Reply-To: ${replyTo}`] });
    const verdict = await check(raw);
    expect(verdict.decision).toBe('accept');
    expect(verdict.reply!.to).toBe('wangli@xiangyin.gov.cn');
  });

  // (A From that starts noreply@ or do-not-reply@ is a system's, ignored as AUTO_GENERATED before any answer.)
  it.each(['oa-noreply@xiangyin.gov.cn', 'xyjy_no-reply@oa.xiangyin.gov.cn', 'OA.DoNotReply2@xiangyin.gov.cn'])(
    'to the Reply-To when the From (%s) reads no mail: an OA system relaying the county\'s email', async (from) => {
      const raw = countyEmail([goodDocx(), goodPdf()], { from, extraHeaders: ['Reply-To: xyxjyj@126.com'] });
      expect((await check(raw)).reply!.to).toBe('xyxjyj@126.com');
    },
  );

  it("to the no-reply From still when its Reply-To is the city's own mailbox; 'replyer' is no no-reply", async () => {
    const own = countyEmail([goodDocx(), goodPdf()], { from: 'oa-noreply@xiangyin.gov.cn', extraHeaders: [`Reply-To: ${campaign.collector.mailbox}`] });
    expect((await check(own)).reply!.to).toBe('oa-noreply@xiangyin.gov.cn');
    const person = countyEmail([goodDocx(), goodPdf()], { from: 'noreplyer@xiangyin.gov.cn', extraHeaders: ['Reply-To: xyxjyj@126.com'] });
    expect((await check(person)).reply!.to).toBe('noreplyer@xiangyin.gov.cn');
  });

  it('to nobody when the From is an address the bot sends from (MAIL_FROM), whatever the Reply-To', async () => {
    const raw = countyEmail([goodDocx(), goodPdf()], { from: 'Bot@City.test', extraHeaders: ['Reply-To: xyxjyj@126.com'] });
    const verdict = await checkEmail(raw, { campaign, ownAddresses: ['bot@city.test'] });
    expect(verdict.reply).toBeNull();
  });
});

describe('an attachment name with a right-to-left override', () => {
  it('is quoted without it', async () => {
    const pdf = { ...goodPdf(), filename: '湘阴县推荐表\u202Efdp.exe' };
    const verdict = await check(countyEmail([goodDocx(), pdf]));
    expect(verdict.reply!.text).toContain('湘阴县推荐表 fdp.exe');
    expect(`${verdict.reply!.text}${verdict.reply!.html}`).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });
});
