// A winmail.dat as Outlook writes it for a "Rich Text" email (MS-OXTNEF): the test's own writer, checked once
// against Debian's `tnef` (tnef -t lists the files it wrote).
import iconv from 'iconv-lite';

export interface TnefSpec {
  name: string;
  content: Buffer;
  /** Where the bytes go: attAttachData (Outlook's usual) or only the MAPI property PR_ATTACH_DATA_OBJ (an object). */
  dataIn?: 'attribute' | 'property';
}

const u16 = (n: number) => { const b = Buffer.alloc(2); b.writeUInt16LE(n); return b; };
const u32 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32LE(n); return b; };
const pad4 = (b: Buffer) => Buffer.concat([b, Buffer.alloc((4 - (b.length % 4)) % 4)]);

/** One attribute: level, id, length, bytes and their checksum (the sum of the bytes, modulo 65536). */
function attribute(level: number, id: number, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from([level]), u32(id), u32(data.length), data, u16(data.reduce((sum, b) => (sum + b) & 0xffff, 0))]);
}

/** A variable-size MAPI property (string, binary, object): tag, one value with its size, padded. */
const variableProperty = (type: number, id: number, value: Buffer) => Buffer.concat([u16(type), u16(id), u32(1), u32(value.length), pad4(value)]);

export function writeTnef(files: TnefSpec[]): Buffer {
  const parts = [u32(0x223e9f78), u16(0x0001),
    attribute(1, 0x00089006, u32(0x00010000)), // attTnefVersion
    attribute(1, 0x00069007, Buffer.concat([u32(936), u32(0)])), // attOemCodepage: GBK
    attribute(1, 0x00078008, Buffer.from('IPM.Microsoft Mail.Note\0'))];
  for (const file of files) {
    parts.push(attribute(2, 0x00069002, Buffer.concat([u16(1), u32(0xffffffff), u32(0), u16(0), u16(0), u32(0)]))); // attAttachRendData
    parts.push(attribute(2, 0x00018010, Buffer.concat([iconv.encode(file.name, 'gbk'), Buffer.from([0])]))); // attAttachTitle
    if (file.dataIn !== 'property') parts.push(attribute(2, 0x0006800f, file.content)); // attAttachData
    const properties = [
      Buffer.concat([u16(0x0003), u16(0x3705), u32(1)]), // PR_ATTACH_METHOD: by value
      // A named property first: its GUID, kind 1 (a name), the name in UTF-16 padded, then its value.
      Buffer.concat([u16(0x001f), u16(0x8005), Buffer.alloc(16, 7), u32(1), u32(10), pad4(Buffer.from('Note\0', 'utf16le')),
        u32(1), u32(4), Buffer.from('x\0', 'utf16le')]),
      variableProperty(0x001f, 0x3707, Buffer.from(`${file.name}\0`, 'utf16le')), // PR_ATTACH_LONG_FILENAME_W
      ...(file.dataIn === 'property' ? [variableProperty(0x000d, 0x3701, Buffer.concat([Buffer.alloc(16, 1), file.content]))] : []),
    ];
    parts.push(attribute(2, 0x00069005, Buffer.concat([u32(properties.length), ...properties]))); // attAttachment
  }
  return Buffer.concat(parts);
}
