// Outlook's winmail.dat (TNEF, MS-OXTNEF): an Outlook set to send "Rich Text" wraps every attachment of the email in
// this one file, which no mail program but Outlook opens. The county did attach its files; they are read from it.
// The stream is a list of attributes (level, id, length, bytes, checksum); each attachment starts with its
// attAttachRendData and has its bytes in attAttachData, its name in attAttachTitle and, long and in Unicode, in the
// MAPI properties of attAttachment. Every length is checked against the bytes there are: the file comes from outside.
import { decodeChineseBytes } from '../mail/repair-charset.ts';

const SIGNATURE = 0x223e9f78;
const LEVEL_ATTACHMENT = 2;
const ATT_ATTACH_REND_DATA = 0x00069002;
const ATT_ATTACH_TITLE = 0x00018010;
const ATT_ATTACH_DATA = 0x0006800f;
const ATT_ATTACHMENT = 0x00069005;

const PR_ATTACH_DATA = 0x3701;
const PR_ATTACH_LONG_FILENAME = 0x3707;
const PT_STRING8 = 0x001e;
const PT_UNICODE = 0x001f;
const PT_BINARY = 0x0102;
const PT_OBJECT = 0x000d;
const MULTI_VALUED = 0x1000;
/** Attachments read from one winmail.dat: a county's holds two; 25 MB of empty ones took 2.4 s and 244 MB. */
const MAX_FILES = 100;
/** Sizes of the fixed-size MAPI property types, each value padded to 4 bytes. */
const FIXED_SIZES = new Map([[0x0002, 4], [0x0003, 4], [0x0004, 4], [0x000a, 4], [0x000b, 4], [0x0005, 8], [0x0006, 8],
  [0x0007, 8], [0x0014, 8], [0x0040, 8], [0x0048, 16]]);

/** A file packed in a winmail.dat: its name as Outlook gave it ('' where none was) and its bytes. */
export interface TnefFile { name: string; content: Buffer }

/** Bytes that end before what they declare, or a property type not known (where the next one starts is lost). */
class Unreadable extends Error {}

/** A cursor over the bytes that refuses to read past their end. */
class Reader {
  constructor(private readonly bytes: Buffer, public at = 0) {}
  get left(): number { return this.bytes.length - this.at; }
  take(n: number): Buffer {
    if (n < 0 || n > this.left) throw new Unreadable();
    this.at += n;
    return this.bytes.subarray(this.at - n, this.at);
  }
  u8(): number { return this.take(1).readUInt8(0); }
  u16(): number { return this.take(2).readUInt16LE(0); }
  u32(): number { return this.take(4).readUInt32LE(0); }
}

export const isTnef = (bytes: Buffer): boolean => bytes.length >= 6 && bytes.readUInt32LE(0) === SIGNATURE;

/** The files a TNEF stream holds (its first 100), as far as it is whole: a stream cut short gives the files before
 *  the cut. */
export function filesInTnef(bytes: Buffer): TnefFile[] {
  const files: TnefFile[] = [];
  const reader = new Reader(bytes, 6);
  try {
    while (reader.left > 0) {
      const level = reader.u8();
      const id = reader.u32();
      const data = reader.take(reader.u32());
      reader.u16(); // checksum: a wrong one is the sender's mail program's slip, not a reason to lose the file
      if (level !== LEVEL_ATTACHMENT) continue;
      if (id === ATT_ATTACH_REND_DATA) {
        if (files.length === MAX_FILES) break;
        files.push({ name: '', content: Buffer.alloc(0) });
      }
      const file = files.at(-1);
      if (!file) continue;
      if (id === ATT_ATTACH_TITLE && !file.name) file.name = decodeChineseBytes(data).replace(/\0[^]*$/, '');
      else if (id === ATT_ATTACH_DATA) file.content = data;
      else if (id === ATT_ATTACHMENT) Object.assign(file, attachmentProperties(data, file));
    }
  } catch (err) {
    if (!(err instanceof Unreadable)) throw err;
  }
  return files.filter((f) => f.content.length > 0);
}

/** The long name and (where attAttachData is missing) the bytes in an attachment's MAPI properties. */
function attachmentProperties(data: Buffer, file: TnefFile): TnefFile {
  const out = { ...file };
  try {
    const reader = new Reader(data);
    for (let count = reader.u32(); count > 0; count--) {
      const type = reader.u16();
      const id = reader.u16();
      if (id >= 0x8000) skipPropertyName(reader);
      const values = propertyValues(reader, type);
      if (id === PR_ATTACH_LONG_FILENAME && values[0]) out.name = stringValue(type, values[0]) || out.name;
      if (id === PR_ATTACH_DATA && values[0] && !out.content.length) {
        out.content = type === PT_OBJECT ? values[0].subarray(16) : values[0]; // an object's value starts with its interface id
      }
    }
  } catch (err) {
    if (!(err instanceof Unreadable)) throw err;
  }
  return out;
}

/** A named property's GUID and its number or name. */
function skipPropertyName(reader: Reader): void {
  reader.take(16);
  if (reader.u32() === 0) reader.take(4);
  else reader.take(padded(reader.u32()));
}

/** The values of one property (those of fixed-size types are skipped, none is wanted). */
function propertyValues(reader: Reader, type: number): Buffer[] {
  const base = type & ~MULTI_VALUED;
  if ([PT_STRING8, PT_UNICODE, PT_BINARY, PT_OBJECT].includes(base)) {
    const values: Buffer[] = [];
    for (let count = reader.u32(); count > 0; count--) {
      const size = reader.u32();
      values.push(reader.take(size));
      reader.take(padded(size) - size);
    }
    return values;
  }
  const size = FIXED_SIZES.get(base);
  if (size === undefined) throw new Unreadable();
  const count = type & MULTI_VALUED ? reader.u32() : 1;
  for (let i = 0; i < count; i++) reader.take(size);
  return [];
}

const padded = (n: number) => n + ((4 - (n % 4)) % 4);

function stringValue(type: number, value: Buffer): string {
  const text = (type & ~MULTI_VALUED) === PT_UNICODE ? value.toString('utf16le') : decodeChineseBytes(value);
  return text.replace(/\0[^]*$/, '');
}
