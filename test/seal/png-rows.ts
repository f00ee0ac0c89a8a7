// Pixel rows as PNG predictors (PDF's Predictor 10-15) store them: each row led by its filter type, here the row's
// number mod 5, so every filter is used.

/** `pixel(x, y, c)`: sample c of the pixel at (x, y), 0-255. */
export function pngRows(width: number, height: number, components: number, pixel: (x: number, y: number, c: number) => number): Buffer {
  const rowBytes = width * components;
  const rows = Buffer.alloc((rowBytes + 1) * height);
  const raw = (y: number, i: number) => (y < 0 || i < 0 ? 0 : pixel(Math.floor(i / components), y, i % components));
  for (let y = 0; y < height; y++) {
    const type = y % 5;
    rows[y * (rowBytes + 1)] = type;
    for (let i = 0; i < rowBytes; i++) {
      const left = raw(y, i - components), up = raw(y - 1, i), upLeft = raw(y - 1, i - components);
      const p = left + up - upLeft;
      const paeth = Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - upLeft) ? left
        : Math.abs(p - up) <= Math.abs(p - upLeft) ? up : upLeft;
      rows[y * (rowBytes + 1) + 1 + i] = (raw(y, i) - [0, left, up, (left + up) >> 1, paeth][type]) & 255;
    }
  }
  return rows;
}
