// What a crafted filing can make the bot write, and to whom: an auto-reply hidden behind a reply prefix or brackets
// is not answered (two responders must not bounce off each other); a Reply-To naming the city's own mailbox does
// not turn the answer back on the bot, nor one in a stranger's domain, one at the same public mail provider or one
// registered for another unit send it elsewhere; marks that reorder
// displayed text are not echoed.
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
  it("to the Reply-To a county set in its own organisation's mail domain, or naming its unit's registered address", async () => {
    const sameDomain = await check(countyEmail([goodDocx(), goodPdf()], { from: 'wangli@xiangyin.gov.cn', extraHeaders: ['Reply-To: DianJiao@Xiangyin.gov.cn'] }));
    expect(sameDomain.reply!.to).toBe('dianjiao@xiangyin.gov.cn');
    const registered = await check(countyEmail([goodDocx(), goodPdf()], { from: 'dianjiao@xiangyin.test', extraHeaders: ['Reply-To: xyxjyj@126.com'] }));
    expect(registered.reply!.to).toBe('xyxjyj@126.com');
  });

  it('to the From when the Reply-To points anywhere else (no acknowledgement sent where a stranger says)', async () => {
    const verdict = await check(countyEmail([goodDocx(), goodPdf()], { extraHeaders: ['Reply-To: victim@elsewhere.test'] }));
    expect(verdict.decision).toBe('accept');
    expect(verdict.reply!.to).toBe('xyxjyj@126.com');
  });

  it('to the From when the Reply-To only shares a public mail domain with it (anyone can have a 126.com address)', async () => {
    const verdict = await check(countyEmail([goodDocx(), goodPdf()], { from: 'stranger1@126.com', extraHeaders: ['Reply-To: random-victim@126.com'] }));
    expect(verdict.reply!.to).toBe('stranger1@126.com');
  });

  it("to the From when the Reply-To is registered for another unit than the filing's", async () => {
    const pingjiangRegistered = {
      ...campaign,
      units: campaign.units.map((u) => (u.name === '平江县' ? { ...u, senders: ['pjx@county.test'] } : u)),
    };
    const raw = countyEmail([goodDocx(), goodPdf()], { from: 'stranger2@evil.test', extraHeaders: ['Reply-To: pjx@county.test'] });
    const verdict = await checkEmail(raw, { campaign: pingjiangRegistered });
    expect(verdict.unit).toBe('湘阴县');
    expect(verdict.reply!.to).toBe('stranger2@evil.test');
  });

  it("to the From when the Reply-To names the city's own mailbox", async () => {
    const own = campaign.collector.mailbox.toUpperCase();
    const verdict = await check(countyEmail([goodDocx(), goodPdf()], { extraHeaders: [`Reply-To: ${own}`] }));
    expect(verdict.decision).toBe('accept');
    expect(verdict.reply!.to).toBe('xyxjyj@126.com');
  });

  it('to the From when the Reply-To names another address the bot sends from (MAIL_FROM)', async () => {
    const raw = countyEmail([goodDocx(), goodPdf()], { extraHeaders: ['Reply-To: Bot@City.test'] });
    const verdict = await checkEmail(raw, { campaign, ownAddresses: ['bot@city.test'] });
    expect(verdict.reply!.to).toBe('xyxjyj@126.com');
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
