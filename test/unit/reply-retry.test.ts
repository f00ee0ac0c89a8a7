// A reply failing for our side's trouble waits longer each time, but never long, and is tried for days.
import { describe, expect, it } from 'vitest';
import { REPLY_ATTEMPTS, replyRetryDelayMs } from '../../src/service/reply-retry.ts';

describe('retries of a reply', () => {
  it('wait 15 s, then twice as long each time, up to 10 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 500].map((n) => replyRetryDelayMs(n) / 1000)).toEqual([15, 30, 60, 120, 240, 480, 600, 600, 600]);
  });

  it('go on for a week', () => {
    let waited = 0;
    for (let made = 1; made < REPLY_ATTEMPTS; made++) waited += replyRetryDelayMs(made);
    expect(waited).toBeGreaterThanOrEqual(7 * 24 * 3600_000);
    expect(waited - replyRetryDelayMs(REPLY_ATTEMPTS - 1)).toBeLessThan(7 * 24 * 3600_000);
  });
});
