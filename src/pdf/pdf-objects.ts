// Reads single objects straight from a PDF's bytes: enough to follow a page to the JPEGs a scanner put on it without
// pdf.js decoding them, or to look at an embedded font before pdf.js does. It understands plain objects and object
// streams; for anything else it answers null.
import { constants, inflateRawSync } from 'node:zlib';
import { isDict, isName, isRef, parseValue, skipSpace, type PdfRef, type PdfValue } from './pdf-syntax.ts';

export interface PdfObject { value: PdfValue; stream?: Uint8Array }

/** An object inside an object stream: its text and where it starts, and where its object stream is in the file. */
interface PackedObject { text: string; at: number; streamAt: number }

/** Largest stream this reader inflates: page content and object streams are small; more is not a scan page. */
const MAX_INFLATED = 8 << 20;
/** All it inflates for one document: many small streams that each inflate to the limit would be a bomb. */
const MAX_INFLATED_TOTAL = 64 << 20;

export class PdfObjects {
  private readonly text: string;
  /** Where each object's value starts (just after its "N G obj"), by object number, with its generation. */
  private readonly offsets = new Map<number, { at: number; gen: number }>();
  private packed: Map<number, PackedObject> | null = null;
  private inflated = 0;

  constructor(private readonly bytes: Uint8Array) {
    // latin1 keeps one character per byte, so string positions are byte positions.
    this.text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    // A later definition (an incremental update) replaces an earlier one.
    for (const m of this.text.matchAll(/(?<![\d.])(\d+)\s+(\d+)\s+obj\b/g)) {
      this.offsets.set(Number(m[1]), { at: m.index + m[0].length, gen: Number(m[2]) });
    }
  }

  /** The object a reference points to, following references until a direct value. */
  resolve(value: PdfValue | undefined, depth = 0): PdfValue | undefined {
    if (!isRef(value) || depth > 8) return value;
    return this.resolve(this.get(value)?.value, depth + 1);
  }

  get(ref: PdfRef): PdfObject | null {
    const at = this.offsets.get(ref.num)?.at;
    const packed = this.objectStreams().get(ref.num);
    // An incremental update may write an object again inside a later object stream: the later one is in force.
    if (packed && (at === undefined || packed.streamAt > at)) return { value: parseValue(packed.text, packed.at)?.[0] ?? null };
    return at === undefined ? null : this.plain(at);
  }

  /** The object written plainly at this offset (just after its "N G obj"). */
  private plain(at: number): PdfObject | null {
    const parsed = parseValue(this.text, at);
    if (!parsed) return null;
    const [value, end] = parsed;
    const start = /^\s*stream\r?\n/.exec(this.text.slice(end, end + 16));
    if (!start || !isDict(value)) return { value };
    const from = end + start[0].length;
    const length = this.resolve(value.get('Length'));
    const declared = typeof length === 'number' && this.text.startsWith('endstream', skipSpace(this.text, from + length));
    const to = declared ? from + (length as number) : this.text.indexOf('endstream', from);
    return to < from ? null : { value, stream: this.bytes.subarray(from, to) };
  }

  /** The text of the value written plainly at `at` (for a stream, its dictionary). */
  source(at: number): string | null {
    const parsed = parseValue(this.text, at);
    return parsed && this.text.slice(at, parsed[1]);
  }

  /** The highest object number the file uses, in plain objects or object streams. */
  highestNumber(): number {
    return Math.max(0, ...this.offsets.keys(), ...this.objectStreams().keys());
  }

  /** The stream objects written plainly (as every stream is) whose text after "obj" (up to "stream", at most 300
   *  characters) matches `marker`: a cheap look before their dictionaries are parsed. `at`: where the object's value
   *  starts in the file; `ref`: its number and generation. */
  *plainStreams(marker: RegExp): Generator<{ at: number; ref: PdfRef; object: PdfObject }> {
    for (const [num, { at, gen }] of this.offsets) {
      const head = this.text.slice(at, at + 300);
      const streamAt = head.indexOf('stream');
      if (!marker.test(streamAt < 0 ? head : head.slice(0, streamAt))) continue;
      const object = this.plain(at);
      if (object?.stream) yield { at, ref: { num, gen }, object };
    }
  }

  /** A stream's bytes with its filters undone: none, or FlateDecode without a predictor; null for any other, and
   *  once the document's inflate budget is spent. Read as pdf.js reads it: a stream cut short gives what it holds,
   *  and its checksum is not checked. */
  decoded(object: PdfObject): Uint8Array | null {
    if (!object.stream || !isDict(object.value)) return null;
    const filter = object.value.get('Filter');
    const filters = Array.isArray(filter) ? filter : filter === undefined ? [] : [filter];
    if (filters.length === 0) return object.stream;
    if (filters.length > 1 || !isName(filters[0], 'FlateDecode') || object.value.has('DecodeParms')) return null;
    const budget = Math.min(MAX_INFLATED, MAX_INFLATED_TOTAL - this.inflated);
    if (budget <= 0) return null;
    try {
      const data = inflateRawSync(zlibBody(object.stream), { maxOutputLength: budget, finishFlush: constants.Z_SYNC_FLUSH });
      this.inflated += data.length;
      return data;
    } catch (error) {
      // A stream cut off at the limit cost the whole budget to find out.
      this.inflated += (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? budget : object.stream.length;
      return null;
    }
  }

  /** Objects kept inside object streams (PDF 1.5), indexed once; of two streams holding one object, the later. */
  private objectStreams(): Map<number, PackedObject> {
    if (this.packed) return this.packed;
    this.packed = new Map();
    for (const { at, object } of this.plainStreams(/\/ObjStm/)) {
      const data = this.decoded(object);
      const first = isDict(object.value) ? object.value.get('First') : undefined;
      if (!data || typeof first !== 'number') continue;
      const text = Buffer.from(data).toString('latin1');
      const header = text.slice(0, first).trim().split(/\s+/).map(Number);
      for (let k = 0; k + 1 < header.length; k += 2) {
        const earlier = this.packed.get(header[k]);
        if (!earlier || earlier.streamAt < at) this.packed.set(header[k], { text, at: first + header[k + 1], streamAt: at });
      }
    }
    return this.packed;
  }
}

/** The deflate data of a zlib stream, past its two-byte header; throws on a header pdf.js refuses too. */
function zlibBody(stream: Uint8Array): Uint8Array {
  const [cmf, flg] = stream;
  if (stream.length < 2 || (cmf & 0x0f) !== 8 || ((cmf << 8) + flg) % 31 !== 0 || flg & 0x20) throw new Error('not a zlib stream');
  return stream.subarray(2);
}
