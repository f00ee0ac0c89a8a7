// A JPEG whose frame header is rewritten to claim another kind (baseline 0xc0, progressive 0xc2) and size: how a
// hostile or broken file lies about what a decoder must hold.
export function withFrame(jpeg: Buffer, marker: 0xc0 | 0xc2, width: number, height: number): Buffer {
  const out = Buffer.from(jpeg);
  for (let i = 2; i + 9 < out.length; i += 2 + out.readUInt16BE(i + 2)) {
    if (out[i] !== 0xff) break;
    if (out[i + 1] === 0xc0) {
      out[i + 1] = marker;
      out.writeUInt16BE(height, i + 5);
      out.writeUInt16BE(width, i + 7);
      return out;
    }
  }
  throw new Error('no baseline frame header in this JPEG');
}
