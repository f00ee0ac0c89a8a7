// What the answer says around its findings: a late filing is not told to send again before a deadline already
// past; an answer to a county that replied to an earlier answer does not stack the marks of both.
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
});
