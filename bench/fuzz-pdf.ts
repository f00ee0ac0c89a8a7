// PDF damage aimed at the structure pdf.js walks: xref offsets, startxref and the trailer, object headers and
// stream lengths, the page tree (counts, loops), page boxes, deep nesting and stream contents.
import { BYTE_MUTATORS, type Mutator } from './fuzz-bytes.ts';
import type { Rng } from './fuzz-random.ts';

type TextDamage = (pdf: string, rng: Rng) => string;

/** Replaces one randomly chosen match of `pattern` (global) with what `by` makes of it. */
function replaceOne(text: string, pattern: RegExp, rng: Rng, by: (match: string) => string): string {
  const matches = [...text.matchAll(pattern)];
  if (!matches.length) return text;
  const m = rng.pick(matches);
  return text.slice(0, m.index) + by(m[0]) + text.slice(m.index! + m[0].length);
}

const hugeNumber = (rng: Rng) => rng.pick(['1e9', '99999999999', '-1', '0', '2147483648', '1.#INF', 'NaN', '3.4e38']);

const PDF_DAMAGE: Record<string, TextDamage> = {
  'pdf-xref-offsets': (pdf, rng) => pdf.replace(/^(\d{10}) (\d{5}) ([nf])/gm, (line, offset: string, gen: string, kind: string) =>
    (rng.chance(0.3) ? `${String(Math.max(0, Number(offset) + rng.int(-500, 500))).padStart(10, '0')} ${gen} ${kind}` : line)),
  'pdf-startxref': (pdf, rng) => pdf.replace(/startxref\s+\d+/g, () => rng.pick(['startxref\n0', 'startxref\n99999999', 'startxref', ''])),
  'pdf-trailer': (pdf, rng) => replaceOne(pdf, /\/(Root|Size|Prev|Info|Encrypt)\s+[^/>]+/g, rng, (m) =>
    rng.pick([``, `${m.split(/\s/)[0]} ${hugeNumber(rng)}`, `${m.split(/\s/)[0]} 1 0 R`])),
  'pdf-object-header': (pdf, rng) => replaceOne(pdf, /\d+ 0 obj/g, rng, () => rng.pick(['1 0 obj', '0 0 obj', '99999999 0 obj', 'obj', '1 0 obk'])),
  'pdf-stream-length': (pdf, rng) => replaceOne(pdf, /\/Length \d+/g, rng, () => `/Length ${rng.pick(['0', '1', '999999999', '-5', '3 0 R'])}`),
  'pdf-end-markers': (pdf, rng) => replaceOne(pdf, /endstream|endobj/g, rng, () => rng.pick(['', 'endstrea', 'endobj endobj'])),
  'pdf-page-count': (pdf, rng) => pdf.replace(/\/Count \d+/g, () => `/Count ${rng.pick(['0', '-1', '2147483647', '100000'])}`),
  'pdf-kids-loop': (pdf, rng) => {
    // A page tree that contains itself: Kids naming the Pages node, or every page pointing at the root.
    const pagesRef = /(\d+) 0 obj\s*<<[^>]*\/Type\s*\/Pages/.exec(pdf)?.[1] ?? '1';
    return replaceOne(pdf, /\/Kids\s*\[[^\]]*\]/g, rng, () => `/Kids [${`${pagesRef} 0 R `.repeat(rng.int(1, 50))}]`);
  },
  'pdf-media-box': (pdf, rng) => pdf.replace(/\/(MediaBox|CropBox)\s*\[[^\]]*\]/g, (_m, box: string) =>
    `/${box} [0 0 ${hugeNumber(rng)} ${hugeNumber(rng)}]`),
  'pdf-deep-nesting': (pdf, rng) => {
    const depth = rng.int(1000, 100_000);
    const [open, close] = rng.pick([['[', ']'], ['<<', '>>'], ['<</A ', '>>']]);
    return replaceOne(pdf, /<<\s*\/Type\s*\/Page\b/g, rng, (m) => `${m} /Deep ${open.repeat(depth)}${rng.chance(0.5) ? close.repeat(depth) : ''}`);
  },
  'pdf-image-size': (pdf, rng) => pdf.replace(/\/(Width|Height) \d+/g, (_m, key: string) => `/${key} ${rng.pick(['0', '1', '65535', '100000', '-3'])}`),
  'pdf-filters': (pdf, rng) => replaceOne(pdf, /\/Filter\s*\/\w+/g, rng, () =>
    `/Filter ${rng.pick(['/LZWDecode', '/RunLengthDecode', '/JBIG2Decode', '/JPXDecode', '/CCITTFaxDecode', '/Bogus', '[/FlateDecode /FlateDecode]'])}`),
};

/** Bytes inside one stream (between `stream` and `endstream`): compressed content, fonts and images. */
function damageStream(bytes: Buffer, rng: Rng): Buffer {
  const text = bytes.toString('latin1');
  const starts = [...text.matchAll(/stream\r?\n/g)].map((m) => m.index! + m[0].length);
  if (!starts.length) return bytes;
  const start = rng.pick(starts);
  const end = text.indexOf('endstream', start);
  if (end <= start) return bytes;
  const inner = rng.pick(BYTE_MUTATORS.slice(0, 5)).apply(bytes.subarray(start, end), rng);
  return Buffer.concat([bytes.subarray(0, start), inner, bytes.subarray(end)]);
}

export const PDF_MUTATORS: Mutator[] = [
  ...Object.entries(PDF_DAMAGE).map(([name, damage]): Mutator => ({
    name,
    apply: (bytes, rng) => Buffer.from(damage(bytes.toString('latin1'), rng), 'latin1'),
  })),
  { name: 'pdf-stream-bytes', apply: damageStream },
];
