// When a chaos run strikes, decided up front from a seed: each event at a share of the burst handled plus a random
// moment, so the same seed repeats the same run as far as timing allows.

export interface ChaosEvent {
  kind: 'kill' | 'redis' | 'imap' | 'refuse' | 'allow';
  /** Strike once this many emails have a verdict. */
  atHandled: number;
  delayMs: number;
}

export interface PlanOptions { emails: number; kills: number; imapDrops: number; smtpRefusalMs: number; seed: number }

/** mulberry32: a small seeded generator, enough to place events. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function chaosPlan({ emails, kills, imapDrops, smtpRefusalMs, seed }: PlanOptions): ChaosEvent[] {
  const random = seeded(seed);
  // Events land between 5% and 85% of the burst, so each strikes while work is still going on.
  const at = (share: number) => Math.floor(emails * (0.05 + 0.8 * share));
  const spread = (count: number, kind: ChaosEvent['kind']) => Array.from({ length: count }, (_, i) => ({
    kind, atHandled: at((i + random()) / count), delayMs: Math.floor(random() * 1500),
  }));
  const refusalAt = at(random() * 0.3);
  const events: ChaosEvent[] = [
    ...spread(kills, 'kill'),
    ...spread(imapDrops, 'imap'),
    { kind: 'redis', atHandled: at(0.3 + random() * 0.4), delayMs: Math.floor(random() * 1500) },
    { kind: 'refuse', atHandled: refusalAt, delayMs: 0 },
    // Lifted by time, not progress: verdicts go on while replies are refused.
    { kind: 'allow', atHandled: refusalAt, delayMs: smtpRefusalMs },
  ];
  // Stable order: refuse before its allow at the same count.
  return events.sort((a, b) => a.atHandled - b.atHandled);
}
