// Waits between reconnects: exponential from a first delay to a cap, with full jitter so that restarts spread out.

/** Delay before reconnect attempt `attempt` (0 for the first): uniform in [min/2, min(max, min * 2^attempt)]. */
export function reconnectDelayMs(attempt: number, minMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, minMs * 2 ** Math.min(attempt, 30));
  const floor = Math.min(ceiling, minMs / 2);
  return Math.round(floor + random() * (ceiling - floor));
}
