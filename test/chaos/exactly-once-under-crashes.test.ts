// The quick version of bench/chaos-exactly-once.ts: 20 county emails while the bot is SIGKILLed twice and restarted,
// its Redis restarted, its IMAP connections dropped and its replies refused (451) for a few seconds.
import { describe, expect, it } from 'vitest';
import { runChaos } from './chaos-run.ts';

describe('a burst handled through crashes and outages', () => {
  it('ends with one verdict, one reply and one spreadsheet row per email; ignored mail untouched', async () => {
    const { tally, events, smtpRefusals } = await runChaos({ emails: 20, kills: 2, imapDrops: 1, smtpRefusalMs: 5_000, seed: 7, timeoutMs: 780_000 });
    expect(events.filter((e) => /\d+s (kill|redis|imap|refuse|allow) /.test(e))).toHaveLength(6);
    expect(smtpRefusals).toBeGreaterThan(0);
    // A kill inside an SMTP exchange may leave one reply sent twice (tally.ts, resentAfterKill): at most one a kill.
    expect(tally.resentAfterKill).toBeLessThanOrEqual(2);
    expect(tally).toEqual({
      // The first 20 fixtures in turn hold one ignored email (no reply).
      sent: 20, verdicts: 20, replies: 19 + tally.resentAfterKill, resentAfterKill: tally.resentAfterKill,
      duplicates: 0, lost: 0, wrongVerdicts: 0, repliesToIgnored: 0, misfiled: 0, sheetMismatches: 0,
    });
  }, 900_000);
});
