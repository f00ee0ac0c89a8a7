// Zip-level damage for the .docx seeds: lies in the central directory and local headers (sizes, CRC, method,
// offsets, counts) written over the real bytes, and a small reader that lists a valid zip's entries for rebuilding.
import { inflateRawSync } from 'node:zlib';
import type { Mutator } from './fuzz-bytes.ts';
import type { Rng } from './fuzz-random.ts';

export interface ZipEntry { name: string; data: Buffer }

const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** A seed's entries are inflated at most to this; the bomb seed is mutated byte-wise instead. */
const MAX_INFLATED = 32 * 1024 * 1024;

interface CentralRecord { at: number; method: number; packed: number; size: number; nameLength: number; local: number }

function centralRecords(bytes: Buffer): CentralRecord[] {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || bytes.readUInt32LE(end) !== END) throw new Error('no end of central directory');
  const records: CentralRecord[] = [];
  let at = bytes.readUInt32LE(end + 16);
  for (let n = bytes.readUInt16LE(end + 10); n > 0; n--) {
    if (bytes.readUInt32LE(at) !== CENTRAL) throw new Error('broken central directory');
    const nameLength = bytes.readUInt16LE(at + 28);
    records.push({ at, method: bytes.readUInt16LE(at + 10), packed: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24), nameLength, local: bytes.readUInt32LE(at + 42) });
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return records;
}

/** The entries of a well-formed zip, inflated; throws for anything else (the caller then mutates bytes). */
export function readZip(bytes: Buffer): ZipEntry[] {
  return centralRecords(bytes).map((r) => {
    const name = bytes.subarray(r.at + 46, r.at + 46 + r.nameLength).toString('utf8');
    const start = r.local + 30 + bytes.readUInt16LE(r.local + 26) + bytes.readUInt16LE(r.local + 28);
    const packed = bytes.subarray(start, start + r.packed);
    if (r.method === 0) return { name, data: Buffer.from(packed) };
    if (r.method !== 8) throw new Error(`method ${r.method}`);
    return { name, data: inflateRawSync(packed, { maxOutputLength: MAX_INFLATED }) };
  });
}

/** Writes `value` at a field of one central record and, when `localField` is given, of its local header too. */
function patch(bytes: Buffer, rng: Rng, field: number, localField: number | null, value: (r: CentralRecord) => number, width: 2 | 4) {
  const out = Buffer.from(bytes);
  const records = centralRecords(out);
  const r = rng.pick(records);
  const write = (at: number) => (width === 2 ? out.writeUInt16LE(value(r) & 0xffff, at) : out.writeUInt32LE(value(r) >>> 0, at));
  write(r.at + field);
  if (localField !== null && rng.chance(0.7) && r.local + localField + width <= out.length) write(r.local + localField);
  return out;
}

const sizeLie = (rng: Rng, real: number) => rng.pick([0, 1, Math.floor(real / 2), real * 2, real + 1, 0xffffffff, rng.int(0, 0x7fffffff)]);

export const ZIP_MUTATORS: Mutator[] = [
  { name: 'zip-size-lie', apply: (b, rng) => patch(b, rng, 24, 22, (r) => sizeLie(rng, r.size), 4) },
  { name: 'zip-packed-size-lie', apply: (b, rng) => patch(b, rng, 20, 18, (r) => sizeLie(rng, r.packed), 4) },
  { name: 'zip-crc-lie', apply: (b, rng) => patch(b, rng, 16, 14, () => rng.int(0, 0x7fffffff), 4) },
  { name: 'zip-method', apply: (b, rng) => patch(b, rng, 10, 8, () => rng.pick([0, 1, 9, 12, 14, 99]), 2) },
  { name: 'zip-flags', apply: (b, rng) => patch(b, rng, 8, 6, () => rng.pick([0x0001, 0x0008, 0x0040, 0x2000, 0xffff]), 2) },
  { name: 'zip-offset-lie', apply: (b, rng) => patch(b, rng, 42, null, (r) => rng.pick([0, r.local + 1, b.length, 0xffffffff]), 4) },
  { name: 'zip-name-length-lie', apply: (b, rng) => patch(b, rng, 28, 26, () => rng.pick([0, 1, 0xffff, rng.int(0, 512)]), 2) },
  { name: 'zip-end-record', apply(bytes, rng) {
    const out = Buffer.from(bytes);
    const end = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    // entries on disk, entries total, directory size, directory offset, comment length
    const field = rng.pick([8, 10, 12, 16, 20]);
    if (field === 12 || field === 16) out.writeUInt32LE(rng.pick([0, 1, 0xffffffff, rng.int(0, out.length)]), end + field);
    else out.writeUInt16LE(rng.pick([0, 1, 0xffff, rng.int(0, 100)]), end + field);
    return out;
  } },
];
