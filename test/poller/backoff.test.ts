// The wait between reconnects: grows exponentially from the first delay, never beyond the cap, jittered.
import { describe, expect, it } from 'vitest';
import { reconnectDelayMs } from '../../src/poller/backoff.ts';

describe('reconnect backoff', () => {
  it('the first wait lies between half the first delay and the first delay', () => {
    expect(reconnectDelayMs(0, 1_000, 300_000, () => 0)).toBe(500);
    expect(reconnectDelayMs(0, 1_000, 300_000, () => 1)).toBe(1_000);
  });

  it('each failed attempt doubles the longest wait', () => {
    expect([1, 2, 3].map((attempt) => reconnectDelayMs(attempt, 1_000, 300_000, () => 1))).toEqual([2_000, 4_000, 8_000]);
  });

  it('no wait exceeds the cap, however many attempts failed', () => {
    expect(reconnectDelayMs(50, 1_000, 300_000, () => 1)).toBe(300_000);
    expect(reconnectDelayMs(5_000, 1_000, 300_000, () => 0.5)).toBeLessThanOrEqual(300_000);
  });
});
