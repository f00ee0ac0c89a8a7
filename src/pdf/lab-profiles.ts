// pdf.js reads an ICC profile through qcms, which knows device profiles only (grey, RGB, CMYK). A profile whose
// colours are CIE Lab, as Ghostscript writes for every Lab colour or image it copies, is then taken for RGB: a red
// seal drawn in it comes out white, and a Lab image's white paper red (an outside probe's gs-rewritten seals were
// NO_STAMP so). Each such profile is given the Lab colour space as its /Alternate, which pdf.js falls back to, in
// an incremental update appended to the file: the bytes before it stay as they were.
import { PdfObjects } from './pdf-objects.ts';
import { isDict, isName, type PdfRef, type PdfValue } from './pdf-syntax.ts';

/** An ICC profile's own colours (offset 16) and its signature (offset 36). */
const isLabProfile = (profile: Uint8Array) => profile.length >= 128
  && Buffer.from(profile.subarray(16, 20)).toString('latin1') === 'Lab '
  && Buffer.from(profile.subarray(36, 40)).toString('latin1') === 'acsp';

/** ICC profiles use the D50 white point; the ranges are those of an ICC Lab profile's a* and b*. */
const LAB_ALTERNATE = '/Alternate [/Lab << /WhitePoint [0.9642 1 0.8249] /Range [-128 127 -128 127] >>]';

/** The PDF with every Lab ICC profile given a Lab /Alternate; `pdf` itself when it has none, or when it is
 *  encrypted (its profiles cannot be read) or has no cross-reference to extend. */
export function withLabAlternates(pdf: Uint8Array): Uint8Array {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  if (bytes.indexOf('/Encrypt') >= 0) return pdf;
  // The array naming the profile may be packed in an object stream; the profile, a stream, is always written plainly.
  // Indexing the objects costs some 1.5 ms for 2.6 MB.
  const objects = new PdfObjects(pdf);
  const profiles: { ref: PdfRef; object: string }[] = [];
  for (const { at, ref, object } of objects.plainStreams(/\/N\s*3(?!\d)/)) {
    if (!isDict(object.value) || object.value.get('N') !== 3 || object.value.has('Type') || hasLabAlternate(object.value)) continue;
    const profile = objects.decoded(object);
    const dict = objects.source(at);
    if (!profile || !isLabProfile(profile) || !dict) continue;
    // A later key wins in pdf.js's dictionaries: put after the others, this one replaces an /Alternate there was.
    const withAlternate = `${dict.slice(0, -2)} ${LAB_ALTERNATE}>>`;
    profiles.push({ ref, object: `${withAlternate}\nstream\n${Buffer.from(object.stream!).toString('latin1')}\nendstream` });
  }
  const previous = lastXref(bytes);
  if (profiles.length === 0 || !previous) return pdf;
  profiles.sort((a, b) => a.ref.num - b.ref.num);
  return Buffer.concat([bytes, Buffer.from(update(bytes.length, profiles, previous, objects.highestNumber()), 'latin1')]);
}

function hasLabAlternate(dict: Map<string, PdfValue>): boolean {
  const alternate = dict.get('Alternate');
  return Array.isArray(alternate) && isName(alternate[0], 'Lab');
}

interface Xref { at: number; root: string; size: number }

/** Where the last cross-reference section is, and the document catalogue and size the last trailer (or, in a
 *  linearised file, the first page's) gives. */
function lastXref(bytes: Buffer): Xref | null {
  const after = (key: string, pattern: RegExp) => {
    const at = bytes.lastIndexOf(key);
    return at < 0 ? undefined : pattern.exec(bytes.toString('latin1', at + key.length, at + key.length + 40))?.[1];
  };
  const at = Number(after('startxref', /^\s+(\d+)/));
  const root = after('/Root', /^\s*(\d+\s+\d+\s+R)/);
  return Number.isFinite(at) && root ? { at, root, size: Number(after('/Size', /^\s*(\d+)/) ?? 0) } : null;
}

/** The incremental update: the objects written again, a cross-reference section for them, a trailer. */
function update(fileLength: number, objects: { ref: PdfRef; object: string }[], previous: Xref, highest: number): string {
  let text = '\n';
  const entries: string[] = [];
  for (const { ref, object } of objects) {
    entries.push(`${ref.num} 1\n${String(fileLength + text.length).padStart(10, '0')} ${String(ref.gen).padStart(5, '0')} n \n`);
    text += `${ref.num} ${ref.gen} obj\n${object}\nendobj\n`;
  }
  const xrefAt = fileLength + text.length;
  const size = Math.max(previous.size, highest + 1);
  return `${text}xref\n${entries.join('')}trailer\n<< /Size ${size} /Root ${previous.root} /Prev ${previous.at} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
}
