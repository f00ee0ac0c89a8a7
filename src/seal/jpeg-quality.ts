// Estimates the quality a JPEG was saved at (the 1-100 scale of libjpeg, which scanners, phone apps and image tools
// share) from its luminance quantization table: at very low quality a seal's red survives only in a few colour blocks,
// and the bot should say the scan is too compressed rather than that no seal is on it.

/** The first six entries, in the file's zig-zag order, of the JPEG standard's luminance table (quality 50): the low
 *  frequencies, the last to be clamped at 255 when quality falls. */
const STANDARD_LOW_FREQUENCIES = [16, 11, 12, 14, 12, 10];

/** The libjpeg quality (1-100) of the JPEG's luminance table, or null when the bytes hold no quantization table. */
export function jpegQuality(bytes: Uint8Array): number | null {
  const table = luminanceTable(bytes);
  if (!table) return null;
  // libjpeg scales the standard table by 5000/q % below quality 50 and by (200 - 2q) % above it.
  const scales = STANDARD_LOW_FREQUENCIES.map((std, i) => (table[i] * 100) / std).sort((a, b) => a - b);
  const scale = (scales[2] + scales[3]) / 2;
  const quality = scale <= 100 ? (200 - scale) / 2 : 5000 / scale;
  return Math.max(1, Math.min(100, Math.round(quality)));
}

/** Table 0 of the first DQT segment that defines it, entries in zig-zag order; null if none before the scan. */
function luminanceTable(bytes: Uint8Array): number[] | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1];
    if (marker === 0xff) { at++; continue; } // fill byte
    const length = (bytes[at + 2] << 8) | bytes[at + 3];
    const end = at + 2 + length;
    if (marker === 0xda || length < 2 || end > bytes.length) return null; // the scan starts: no table came first
    if (marker === 0xdb) {
      for (let p = at + 4; p < end;) {
        const precision = bytes[p] >> 4, id = bytes[p] & 15;
        const size = precision ? 2 : 1;
        if (p + 1 + 64 * size > end) return null;
        if (id === 0) return Array.from({ length: 64 }, (_, i) => (size === 2 ? (bytes[p + 1 + 2 * i] << 8) | bytes[p + 2 + 2 * i] : bytes[p + 1 + i]));
        p += 1 + 64 * size;
      }
    }
    at = end;
  }
  return null;
}
