// What an embedded CFF font (FontFile3 /Type1C or /CIDFontType0C) costs pdf.js before it draws a glyph. Its memory:
// the bytes of every object in the INDEXes its CFF parser reads and its compiler writes out again, one JavaScript
// array element per byte. A sound font's INDEX objects are disjoint slices of it, so they add up to less than its
// length; a damaged one's offsets can make each object a slice of most of the font, and a 160 KB font then costs
// pdf.js 2 GB (BENCHMARKS.md, fuzz #118). Its time: the INDEX entries and DICT bytes its parser goes through, which a
// damaged font can make billions (pdf.js then parses for minutes without yielding; fuzz seed 7 #189).
// Positions are followed as pdf.js's CFFParser follows them (its parseHeader, parseIndex, parseDict and
// parsePrivateDict), past-the-end reads included, so the count is of what pdf.js would really build.

const TOP_CHARSTRINGS = 17;
const TOP_PRIVATE = 18;
const PRIVATE_SUBRS = 19;
const TOP_FDARRAY = (12 << 8) | 36;
const TOP_ROS = (12 << 8) | 30;

/** `indexBytes`: the bytes in the objects of the font's INDEXes (name, top DICT, strings, global subroutines,
 *  charstrings, a CID font's font DICTs, and each private DICT's subroutines once per DICT that names them, as pdf.js
 *  compiles them). `work`: the INDEX entries and DICT bytes read on the way. */
export interface CffCost { indexBytes: number; work: number }

interface IndexRead { objects: Uint8Array[]; end: number }

/** The font's cost, counted until either figure passes its `limits` (so a figure past its limit is a lower bound). */
export function cffCost(font: Uint8Array, limits: CffCost): CffCost {
  const cost: CffCost = { indexBytes: 0, work: 0 };
  const start = font.indexOf(1); // pdf.js skips to the first byte 1, the header's major version
  if (start < 0) return cost;
  const bytes = font.subarray(start);
  const past = () => cost.indexBytes > limits.indexBytes || cost.work > limits.work;
  const index = (pos: number) => {
    const read = readIndex(bytes, pos);
    for (const object of read.objects) cost.indexBytes += object.length;
    cost.work += read.objects.length;
    return read;
  };
  const dict = (data: Uint8Array) => {
    cost.work += data.length;
    return readDict(data);
  };

  const names = index(byteAt(bytes, 2));
  const topDicts = index(names.end);
  const strings = index(topDicts.end);
  index(strings.end);
  const top = dict(topDicts.objects[0] ?? new Uint8Array());
  index(offsetOf(top, TOP_CHARSTRINGS));
  const fontDicts = [top];
  if (top.has(TOP_ROS)) {
    for (const raw of index(offsetOf(top, TOP_FDARRAY)).objects) {
      if (past()) return cost;
      fontDicts.push(dict(raw));
    }
  }
  for (const fontDict of fontDicts) {
    if (past()) return cost;
    const privateAt = privateDictAt(bytes, fontDict);
    const subrs = privateAt && offsetOf(dict(bytes.subarray(privateAt.offset, privateAt.end)), PRIVATE_SUBRS);
    // pdf.js reads no subroutines at offset 0 (or none given) or past the end.
    if (privateAt && subrs && privateAt.offset + subrs < bytes.length) index(privateAt.offset + subrs);
  }
  return cost;
}

/** pdf.js reads a byte past the end as undefined; its arithmetic then gives 0 or NaN, as this does. */
function byteAt(bytes: Uint8Array, pos: number): number {
  return bytes[pos] as number;
}

function readIndex(bytes: Uint8Array, pos: number): IndexRead {
  const count = (byteAt(bytes, pos) << 8) | byteAt(bytes, pos + 1);
  pos += 2;
  if (count === 0) return { objects: [], end: pos };
  const offsetSize = byteAt(bytes, pos++);
  const startPos = pos + (count + 1) * offsetSize - 1;
  const offsets: number[] = [];
  for (let i = 0; i <= count; i++) {
    let offset = 0;
    for (let j = 0; j < offsetSize; j++) {
      offset <<= 8;
      offset += byteAt(bytes, pos++);
    }
    offsets.push(startPos + offset);
  }
  const objects: Uint8Array[] = [];
  for (let i = 0; i < count; i++) objects.push(bytes.subarray(offsets[i], offsets[i + 1]));
  return { objects, end: offsets[count] };
}

/** A DICT's operands by operator (two-byte operators as 12 << 8 | b). As in pdf.js, an entry with no operand or
 *  a NaN one is dropped, and of a repeated operator the last kept counts. */
function readDict(dict: Uint8Array): Map<number, number[]> {
  const entries = new Map<number, number[]>();
  let operands: number[] = [];
  let pos = 0;
  while (pos < dict.length) {
    let b = dict[pos];
    if (b <= 21) {
      if (b === 12) b = (b << 8) | byteAt(dict, ++pos);
      if (operands.length > 0 && !operands.some(Number.isNaN)) entries.set(b, operands);
      operands = [];
      pos++;
    } else {
      const [value, next] = readOperand(dict, pos);
      operands.push(value);
      pos = next;
    }
  }
  return entries;
}

function readOperand(dict: Uint8Array, pos: number): [number, number] {
  const b = dict[pos++];
  if (b === 30) return readReal(dict, pos);
  if (b === 28) return [((byteAt(dict, pos) << 24) | (byteAt(dict, pos + 1) << 16)) >> 16, pos + 2];
  if (b === 29) return [(byteAt(dict, pos) << 24) | (byteAt(dict, pos + 1) << 16) | (byteAt(dict, pos + 2) << 8) | byteAt(dict, pos + 3), pos + 4];
  if (b >= 32 && b <= 246) return [b - 139, pos];
  if (b >= 247 && b <= 250) return [(b - 247) * 256 + byteAt(dict, pos) + 108, pos + 1];
  if (b >= 251 && b <= 254) return [-((b - 251) * 256) - byteAt(dict, pos) - 108, pos + 1];
  return [NaN, pos];
}

/** A real number in nibbles, read as pdf.js reads it (a damaged font may give an offset so). */
function readReal(dict: Uint8Array, pos: number): [number, number] {
  const digits = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.', 'E', 'E-', null, '-'];
  let text = '';
  while (pos < dict.length) {
    const b = dict[pos++];
    if (b >> 4 === 15) break;
    text += digits[b >> 4];
    if ((b & 15) === 15) break;
    text += digits[b & 15];
  }
  return [parseFloat(text), pos];
}

/** A DICT's offset entry; NaN where it has none (pdf.js then reads from null, which comes to an empty INDEX). */
function offsetOf(dict: Map<number, number[]>, key: number): number {
  return dict.get(key)?.[0] ?? NaN;
}

/** Where a font DICT's private DICT is, or null where pdf.js reads none. */
function privateDictAt(bytes: Uint8Array, fontDict: Map<number, number[]>): { offset: number; end: number } | null {
  const entry = fontDict.get(TOP_PRIVATE);
  if (!entry || entry.length !== 2) return null;
  const [size, offset] = entry;
  return size === 0 || offset >= bytes.length ? null : { offset, end: offset + size };
}
