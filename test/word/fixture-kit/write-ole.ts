// A minimal OLE compound file writer (512-byte sectors, no mini stream), for the password-protected .docx fixture:
// Office wraps an encrypted .docx in an OLE file holding EncryptionInfo and EncryptedPackage streams.
const SECTOR = 512;
const END_OF_CHAIN = 0xfffffffe;
const FAT_SECTOR = 0xfffffffd;
const NONE = 0xffffffff;
/** Streams under 4096 bytes would belong in the mini stream, which this writer does not do. */
const MIN_STREAM = 4096;

function directoryEntry(name: string, type: number, child: number, right: number, start: number, size: number): Buffer {
  const entry = Buffer.alloc(128);
  entry.write(name, 0, 'utf16le');
  entry.writeUInt16LE((name.length + 1) * 2, 64);
  entry.writeUInt8(type, 66);
  entry.writeUInt8(1, 67);
  entry.writeUInt32LE(NONE, 68);
  entry.writeUInt32LE(right, 72);
  entry.writeUInt32LE(child, 76);
  entry.writeUInt32LE(start, 116);
  entry.writeUInt32LE(size, 120);
  return entry;
}

/** Writes the streams (name -> bytes, names in directory-sort order) under the root storage as siblings. */
export function writeOle(streams: Array<[string, Buffer]>): Buffer {
  const padded = streams.map(([, data]) => {
    const size = Math.max(data.length, MIN_STREAM);
    return Buffer.concat([data, Buffer.alloc(Math.ceil(size / SECTOR) * SECTOR - data.length)]);
  });
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FAT_SECTOR, 0);
  fat.writeUInt32LE(END_OF_CHAIN, 4);
  const entries = [directoryEntry('Root Entry', 5, 1, NONE, END_OF_CHAIN, 0)];
  let sector = 2;
  padded.forEach((data, i) => {
    const count = data.length / SECTOR;
    for (let k = 0; k < count; k++) fat.writeUInt32LE(k === count - 1 ? END_OF_CHAIN : sector + k + 1, (sector + k) * 4);
    const right = i + 1 < streams.length ? i + 2 : NONE;
    entries.push(directoryEntry(streams[i][0], 2, NONE, right, sector, Math.max(streams[i][1].length, MIN_STREAM)));
    sector += count;
  });
  if (sector > SECTOR / 4 || entries.length > 4) throw new Error('writeOle: too much for one FAT or directory sector');
  const header = Buffer.alloc(SECTOR);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(1, 44);
  header.writeUInt32LE(1, 48);
  header.writeUInt32LE(MIN_STREAM, 56);
  header.writeUInt32LE(END_OF_CHAIN, 60);
  header.writeUInt32LE(END_OF_CHAIN, 68);
  header.fill(0xff, 76);
  header.writeUInt32LE(0, 76);
  const directory = Buffer.concat([...entries, Buffer.alloc(SECTOR - entries.length * 128)]);
  return Buffer.concat([header, fat, directory, ...padded]);
}
