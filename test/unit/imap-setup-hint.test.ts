// Which IMAP failures name a setting to change, and which (a network fault) do not: each branch, on errors shaped as
// imapflow and Node's TLS give them (the real-server test covers the refused login and TLS on a plain port).
import { describe, expect, it } from 'vitest';
import { imapSetupHint } from '../../src/poller/imap-setup-hint.ts';

const account = { host: 'imap.126.com', port: 993, secure: true, user: 'yysyj@126.com' };

describe('an IMAP failure on the settings', () => {
  it('a refused login names the user and IMAP_USER / IMAP_PASS', () => {
    expect(imapSetupHint(Object.assign(new Error('Command failed'), { authenticationFailed: true }), account))
      .toMatch(/^IMAP login refused for yysyj@126\.com: check IMAP_USER \/ IMAP_PASS/);
  });

  it('TLS spoken to a plain port names IMAP_SECURE and IMAP_PORT', () => {
    const error = Object.assign(new Error('wrong version number'), { code: 'ERR_SSL_WRONG_VERSION_NUMBER' });
    expect(imapSetupHint(error, { ...account, port: 143 })).toMatch(/imap\.126\.com:143 does not answer in TLS: IMAP_SECURE=true needs a TLS port/);
  });

  it('no greeting without TLS asks whether the port is a TLS one; with TLS on, it says nothing', () => {
    const error = Object.assign(new Error('Failed to receive greeting from server in required time'), { code: 'GREETING_TIMEOUT' });
    expect(imapSetupHint(error, { ...account, secure: false })).toMatch(/imap\.126\.com:993 sent no greeting: .* set IMAP_SECURE=true$/);
    expect(imapSetupHint(error, account)).toBeNull();
  });

  it('a network fault names no setting', () => {
    expect(imapSetupHint(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), account)).toBeNull();
    expect(imapSetupHint(undefined, account)).toBeNull();
  });
});
