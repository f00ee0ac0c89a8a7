// Format-blind mutations of a file's bytes: bit flips, odd bytes, truncation, chunks duplicated, deleted or inserted.
import type { Rng } from './fuzz-random.ts';

export interface Mutator {
  name: string;
  apply(bytes: Buffer, rng: Rng): Buffer;
}

/** Bytes that parsers treat specially: ends of strings, sign bits, delimiters of XML, PDF and MIME. */
const ODD_BYTES = [0x00, 0xff, 0x7f, 0x80, 0x0a, 0x0d, 0x3c, 0x3e, 0x22, 0x28, 0x29, 0x2f, 0x25, 0x3d, 0x2d];

const span = (bytes: Buffer, rng: Rng, max: number) => {
  const start = rng.int(0, Math.max(0, bytes.length - 1));
  return [start, Math.min(bytes.length, start + rng.int(1, max))] as const;
};

export const BYTE_MUTATORS: Mutator[] = [
  { name: 'flip-bits', apply(bytes, rng) {
    const out = Buffer.from(bytes);
    for (let i = rng.int(1, 64); i > 0 && out.length; i--) out[rng.int(0, out.length - 1)] ^= 1 << rng.int(0, 7);
    return out;
  } },
  { name: 'odd-bytes', apply(bytes, rng) {
    const out = Buffer.from(bytes);
    for (let i = rng.int(1, 32); i > 0 && out.length; i--) out[rng.int(0, out.length - 1)] = rng.pick(ODD_BYTES);
    return out;
  } },
  { name: 'truncate', apply: (bytes, rng) => bytes.subarray(0, rng.int(0, bytes.length)) },
  { name: 'duplicate-chunk', apply(bytes, rng) {
    const [a, b] = span(bytes, rng, 65_536);
    const at = rng.int(0, bytes.length);
    return Buffer.concat([bytes.subarray(0, at), bytes.subarray(a, b), bytes.subarray(at)]);
  } },
  { name: 'delete-chunk', apply(bytes, rng) {
    const [a, b] = span(bytes, rng, 65_536);
    return Buffer.concat([bytes.subarray(0, a), bytes.subarray(b)]);
  } },
  { name: 'insert-random', apply(bytes, rng) {
    const at = rng.int(0, bytes.length);
    return Buffer.concat([bytes.subarray(0, at), rng.bytes(rng.int(1, 4096)), bytes.subarray(at)]);
  } },
  { name: 'repeat-chunk', apply(bytes, rng) {
    // A short run repeated until it is megabytes long: parsers that loop per token meet a long input.
    const [a, b] = span(bytes, rng, 64);
    const at = rng.int(0, bytes.length);
    const copies = Math.floor(rng.int(64 * 1024, 4 * 1024 * 1024) / Math.max(1, b - a));
    return Buffer.concat([bytes.subarray(0, at), Buffer.concat(Array(copies).fill(bytes.subarray(a, b))), bytes.subarray(at)]);
  } },
];
