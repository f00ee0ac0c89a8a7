// The front door's choice of mailbox for each SMTP recipient, without any server.
import { describe, expect, it } from 'vitest';
import { mailboxRecipients } from '../../scripts/services/lmtp-hand-off.ts';

const known = new Set(['xyxjyj@126.com', 'yysyj@126.com']);

describe('mailbox recipients of the SMTP front door', () => {
  it('a known address keeps its own mailbox, whatever its letter case', () => {
    expect(mailboxRecipients(['XYXJYJ@126.com'], known, 'catchall@local.test')).toEqual(['xyxjyj@126.com']);
  });

  it('addresses without a mailbox all go to the catch-all, which receives the message once', () => {
    const recipients = mailboxRecipients(['a@x.test', 'yysyj@126.com', 'b@y.test'], known, 'catchall@local.test');
    expect(recipients).toEqual(['catchall@local.test', 'yysyj@126.com']);
  });
});
