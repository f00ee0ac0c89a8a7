// The poller's settings: defaults filled in, bad values refused when the bot starts.
import { describe, expect, it } from 'vitest';
import { pollerConfig, POLLER_DEFAULTS } from '../../src/poller/index.ts';

const imap = { host: '127.0.0.1', port: 1143, secure: false, user: 'yysyj@126.com', pass: 'x' };

describe('poller settings', () => {
  it('what is not given takes the documented default', () => {
    const config = pollerConfig({ imap, dataDir: '/data' });
    expect(config).toMatchObject({ mailbox: 'INBOX', mode: 'auto', maxEmailBytes: POLLER_DEFAULTS.maxEmailBytes });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('a start date that is not a date is refused at start', () => {
    expect(() => pollerConfig({ imap, dataDir: '/data', ignoreBefore: 'soon' })).toThrow(/not a date/);
  });

  it('a reconnect cap below the first delay is refused at start', () => {
    expect(() => pollerConfig({ imap, dataDir: '/data', reconnectMinMs: 5_000, reconnectMaxMs: 1_000 })).toThrow(/reconnect/);
  });
});
