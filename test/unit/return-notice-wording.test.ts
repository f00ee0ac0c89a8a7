// What the answer says around its findings: a late filing is not told to send again before a deadline already
// past; an answer to a county that replied to an earlier answer does not stack the marks of both; a subject of
// thousands of characters is quoted by its beginning; a signed email's signature is not one of the files received.
import { describe, expect, it } from 'vitest';
import { checkEmail } from '../../src/pipeline/check-email.ts';
import { campaign, check, countyEmail, goodDocx, goodPdf } from '../hostile/hostile-kit.ts';

const RESEND = '请逐项修改后';

describe('the return notice', () => {
  it('of a late filing says whom to ask, not to send it again before the deadline', async () => {
    const late = await checkEmail(countyEmail([goodDocx(), goodPdf()]), { campaign, receivedAt: new Date('2022-07-08T09:00:00+08:00') });
    expect(late.errors.map((e) => e.code)).toEqual(['LATE']);
    expect(late.reply!.text).toContain('如确需补报');
    expect(late.reply!.text).not.toContain(RESEND);
  });

  it('of a filing in time asks for the corrected files before the deadline', async () => {
    const unstamped = await check(countyEmail([goodDocx()]));
    expect(unstamped.errors.map((e) => e.code)).toEqual(['MISSING_PDF']);
    expect(unstamped.reply!.text).toContain(RESEND);
    expect(unstamped.reply!.text).toContain('报送截止时间为2022年7月4日24:00');
  });
});

describe('the subject of an answer', () => {
  it.each([
    ['回复：【退回】湘阴县专题资源推荐表', '【已受理】湘阴县专题资源推荐表'],
    ['Re: 【退回】 RE：【已受理】湘阴县专题资源推荐表', '【已受理】湘阴县专题资源推荐表'],
    ['回复：【已退回】湘阴县专题资源推荐表', '【已受理】湘阴县专题资源推荐表'],
    ['湘阴县专题资源推荐表（回复：已盖章）', '【已受理】湘阴县专题资源推荐表（回复：已盖章）'],
  ])('%s is answered as %s', async (subject, answered) => {
    expect((await check(countyEmail([goodDocx(), goodPdf()], { subject }))).reply!.subject).toBe(answered);
  });

  it('quotes a very long subject by its first 100 characters', async () => {
    const subject = `湘阴县专题资源推荐表${'很长的主题'.repeat(1000)}`;
    const reply = (await check(countyEmail([goodDocx(), goodPdf()], { subject }))).reply!;
    expect(reply.subject).toBe(`【已受理】${[...subject].slice(0, 100).join('')}…`);
    expect(reply.text).toContain(`${[...subject].slice(0, 100).join('')}…`);
    expect(reply.text).not.toContain(subject.slice(0, 101));
  });
});

describe('the files received, as the answer lists them', () => {
  const signature = { filename: 'smime.p7s', contentType: 'application/pkcs7-signature', content: Buffer.from([0x30, 0x82, 0x05]) };

  it("leave out a signed email's signature", async () => {
    const accepted = await check(countyEmail([goodDocx(), goodPdf(), signature]));
    expect(accepted.decision).toBe('accept');
    expect(accepted.reply!.text).toContain('《湘阴县专题资源推荐表.docx》');
    expect(accepted.reply!.text).not.toContain('smime.p7s');
    const returned = await check(countyEmail([goodDocx(), signature]));
    expect(returned.errors.map((e) => e.code)).toEqual(['MISSING_PDF']);
    expect(returned.reply!.text).not.toContain('smime.p7s');
  });
});
