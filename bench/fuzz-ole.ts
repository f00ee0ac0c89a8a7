// Damage to legacy .doc/.wps (OLE compound files): header fields that size and locate the allocation tables and
// the directory, and whole sectors overwritten with the chain markers (free, end of chain, table sector).
import type { Mutator } from './fuzz-bytes.ts';
import type { Rng } from './fuzz-random.ts';

/** Header offsets: sector shift, mini sector shift, SAT sectors, directory start, mini-stream cutoff, mini-SAT
 * start and count, extension-table start and count, the first header-held SAT sector ids. */
const HEADER_FIELDS: Array<[number, 2 | 4]> = [[0x1e, 2], [0x20, 2], [0x2c, 4], [0x30, 4], [0x38, 4], [0x3c, 4],
  [0x40, 4], [0x44, 4], [0x48, 4], [0x4c, 4], [0x50, 4]];
const MARKERS = [0xffffffff, 0xfffffffe, 0xfffffffd, 0xfffffffc, 0, 1, 0x7fffffff];

function headerField(bytes: Buffer, rng: Rng): Buffer {
  const out = Buffer.from(bytes);
  const [at, width] = rng.pick(HEADER_FIELDS);
  if (at + width > out.length) return out;
  if (width === 2) out.writeUInt16LE(rng.pick([0, 1, 6, 7, 9, 12, 31, 0xffff]), at);
  else out.writeUInt32LE(rng.pick([...MARKERS, rng.int(0, out.length >> 9)]), at);
  return out;
}

function sector(bytes: Buffer, rng: Rng): Buffer {
  const out = Buffer.from(bytes);
  const sectors = (out.length >> 9) - 1;
  if (sectors < 1) return out;
  const start = 512 * rng.int(1, sectors);
  const fill = rng.pick(MARKERS);
  for (let at = start; at + 4 <= Math.min(out.length, start + 512); at += 4) {
    out.writeUInt32LE(rng.chance(0.5) ? fill : rng.int(0, sectors + 8), at);
  }
  return out;
}

export const OLE_MUTATORS: Mutator[] = [
  { name: 'ole-header', apply: headerField },
  { name: 'ole-sector', apply: sector },
];
