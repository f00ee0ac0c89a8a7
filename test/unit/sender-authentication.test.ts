// Which Authentication-Results the sender check believes (the receiving server's, RFC 8601) and when it warns staff:
// a failure, or a registered county's address that nothing vouched for.
import { describe, expect, it } from 'vitest';
import { readEmail } from '../../src/mail/read-email.ts';
import { checkSenderAuthentication } from '../../src/validate/checks/sender-authentication.ts';
import { campaign, email, fullTable, submission } from './helpers.ts';

const SERVER = 'mx.city.test';
const withServer = { ...campaign, collector: { ...campaign.collector, authServIds: ['MX.City.Test'] } };

/** What the check says about mail from `from` carrying these headers, topmost first. */
function warned(authResults: string[], options: { from?: string; servers?: boolean } = {}): string | null {
  const mail = email({ authResults, from: { address: options.from ?? 'xyxjyj@126.com', name: '' } });
  const s = submission(fullTable(5), { email: mail, campaign: options.servers ? withServer : campaign });
  const found = checkSenderAuthentication(s);
  return found.length === 0 ? null : found[0].message;
}

describe('the sender check', () => {
  it('reads every header the receiving server signed, and none a sender wrote, once the server is named', () => {
    const forgedPass = 'mx.126.com; dkim=pass header.d=126.com; spf=pass; dmarc=pass';
    // The sender's own header sits below the server's; the server's says the domain failed.
    expect(warned([`${SERVER}; spf=fail smtp.mailfrom=126.com`, forgedPass, `${SERVER}; dkim=fail`], { servers: true }))
      .toContain('SPF fail、DKIM fail');
    // A forged failure below the server's pass does not shame a county either.
    expect(warned([forgedPass.replace(/pass/g, 'fail'), `${SERVER}; dkim=pass; spf=pass; dmarc=pass`], { servers: true })).toBeNull();
  });

  it('tells the county in plain words, the results only briefly in brackets at the end (staff read them in the ledger)', () => {
    const message = warned(['mx.126.com; dkim=fail; spf=fail; dmarc=fail'])!;
    expect(message).toBe('本邮件未通过收件邮箱服务器的发件人身份核验，无法确认确由 xyxjyj@126.com 发出。如这封邮件不是贵单位发出的，请告知我们；'
      + '如确为贵单位发出，无需另行处理，工作人员会与贵单位核实本次报送。（核验结果：DKIM fail、SPF fail、DMARC fail）');
    expect(message.slice(0, message.lastIndexOf('（'))).not.toMatch(/DKIM|SPF|DMARC/);
  });

  it('reads the topmost header when the server is not named', () => {
    expect(warned(['mx.126.com; dkim=pass; dmarc=pass', 'evil.test; dkim=fail'])).toBeNull();
    expect(warned(['mx.126.com; dkim=fail; dmarc=fail', 'evil.test; dkim=pass; dmarc=pass'])).toContain('DKIM fail、DMARC fail');
  });

  it("warns when the named server found nothing to vouch for a registered county's address", () => {
    const named = { servers: true };
    expect(warned([`${SERVER}; dkim=none; spf=none; dmarc=none`], named)).toContain('xyxjyj@126.com');
    expect(warned([`${SERVER}; dkim=none; spf=neutral`], named)).toContain('DKIM none、SPF neutral');
    expect(warned([`${SERVER}; none`], named)).toContain('无任何认证结果');
    expect(warned([`${SERVER}; dkim=none; spf=pass smtp.mailfrom=126.com`], named)).toBeNull();
    // Unnamed, the topmost header may be the sender's own server's, which checks nothing of its own mail.
    expect(warned(['mx.126.com; dkim=none; spf=none'])).toBeNull();
  });

  it('leaves an unregistered address to UNREGISTERED_SENDER unless a check failed', () => {
    expect(warned([`${SERVER}; dkim=none; spf=none`], { from: 'someone@qq.com', servers: true })).toBeNull();
    expect(warned(['mx.126.com; dkim=none; spf=softfail'], { from: 'someone@qq.com' })).toContain('SPF softfail');
  });

  it("takes DMARC's pass over a failing extra signature (a mailing list's, a forwarder's)", () => {
    expect(warned(['mx.126.com; dkim=fail header.d=list.test; dkim=pass header.d=126.com; dmarc=pass'])).toBeNull();
  });

  it('says nothing when the receiving server wrote no header (it checks nothing)', () => {
    expect(warned([])).toBeNull();
    expect(warned(['evil.test; dkim=fail; dmarc=fail'], { servers: true })).toBeNull();
  });

  it('is not misled by comments, quoted values, versions or case', () => {
    const header = `${SERVER} 1 (checked by x; dkim=pass); DKIM/1=Pass (good; sig) header.b="ab;dmarc=pass"; SPF = FAIL (bad)`;
    expect(warned([header], { servers: true })).toContain('SPF fail');
  });
});

describe('reading Authentication-Results', () => {
  it('keeps every header, topmost first, unfolded', async () => {
    const raw = Buffer.from([
      `Authentication-Results: ${SERVER};`, '\tdkim=fail header.d=126.com', 'Authentication-Results: evil.test; dkim=pass',
      'From: xyxjyj@126.com', 'To: yysyj@126.com', 'Subject: x', '', 'body', '',
    ].join('\r\n'));
    expect((await readEmail(raw)).authResults).toEqual([`${SERVER}; dkim=fail header.d=126.com`, 'evil.test; dkim=pass']);
  });
});
