// The fuzzer's seeded randomness: every case draws from its own generator, made from the run seed and the case
// number, so any single case can be rebuilt alone and in any order.

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  bytes(count: number): Buffer;
}

/** mulberry32: small, fast and good enough to spread mutations; not for anything secret. */
function mulberry32(state: number): () => number {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function caseRng(seed: number, index: number): Rng {
  // Mixes the two numbers so that neighbouring cases get unrelated streams.
  const next = mulberry32(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35));
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[int(0, items.length - 1)],
    chance: (p) => next() < p,
    bytes: (count) => Buffer.from(Array.from({ length: count }, () => int(0, 255))),
  };
}
