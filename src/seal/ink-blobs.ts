// Groups red-ink pixels into blobs: a small dilation bridges the gaps of faded or text-crossed rings,
// then 8-connected components are labelled in two passes with union-find.

export interface Blob {
  label: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  pixels: number;
  /** Index of the blob's first pixel in reading order. */
  first: number;
}

/** Rows and columns holding any ink, each grown by `grow` lines: red ink is sparse, so the line passes below only
 *  visit lines that can change. */
export function inkedLines(mask: Uint8Array, width: number, height: number, grow: number): { rows: Uint8Array; cols: Uint8Array } {
  const rows = new Uint8Array(height), cols = new Uint8Array(width);
  for (let y = 0, p = 0; y < height; y++) {
    for (let x = 0; x < width; x++, p++) if (mask[p]) { rows[y] = 1; cols[x] = 1; }
  }
  const grown = (lines: Uint8Array) => {
    const out = new Uint8Array(lines.length);
    spread(lines, out, 0, 1, lines.length, grow);
    return out;
  };
  return { rows: grown(rows), cols: grown(cols) };
}

/** Square max-filter of the given radius, done as a horizontal then a vertical running pass. */
export function dilate(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const { rows, cols } = inkedLines(mask, width, height, radius);
  const across = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) if (rows[y]) spread(mask, across, y * width, 1, width, radius);
  const out = new Uint8Array(mask.length);
  for (let x = 0; x < width; x++) if (cols[x]) spread(across, out, x, width, height, radius);
  return out;
}

/** One line of the max-filter: marks every cell within radius of a set cell. */
export function spread(src: Uint8Array, dst: Uint8Array, start: number, stride: number, length: number, radius: number): void {
  let lastSet = -Infinity;
  for (let k = 0; k < length; k++) {
    if (src[start + k * stride]) {
      lastSet = k;
      for (let j = Math.max(0, k - radius); j < k; j++) dst[start + j * stride] = 1;
    }
    if (k - lastSet <= radius) dst[start + k * stride] = 1;
  }
}

function root(parent: number[], a: number): number {
  while (parent[a] !== a) {
    parent[a] = parent[parent[a]];
    a = parent[a];
  }
  return a;
}

/** Labels 8-connected components; returns the label image (0 = none) and one Blob per component. */
export function labelBlobs(mask: Uint8Array, width: number, height: number): { labels: Int32Array; blobs: Blob[] } {
  const labels = new Int32Array(mask.length);
  const parent: number[] = [0];
  const near = new Int32Array(4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      if (!mask[p]) continue;
      const up = p - width;
      near[0] = x > 0 ? labels[p - 1] : 0;
      near[1] = y > 0 && x > 0 ? labels[up - 1] : 0;
      near[2] = y > 0 ? labels[up] : 0;
      near[3] = y > 0 && x < width - 1 ? labels[up + 1] : 0;
      let label = 0;
      for (let k = 0; k < 4; k++) if (near[k] && (!label || near[k] < label)) label = near[k];
      if (!label) {
        label = parent.length;
        parent.push(label);
      }
      labels[p] = label;
      for (let k = 0; k < 4; k++) if (near[k] && near[k] !== label) union(parent, near[k], label);
    }
  }
  // Per root label: box, pixel count and first pixel, in typed arrays (a Map lookup per ink pixel cost more than
  // the labelling itself on pages with much red).
  const count = parent.length;
  const roots = new Int32Array(count);
  for (let l = 1; l < count; l++) roots[l] = root(parent, l);
  const x0 = new Int32Array(count), y0 = new Int32Array(count), x1 = new Int32Array(count), y1 = new Int32Array(count);
  const pixels = new Int32Array(count), first = new Int32Array(count).fill(-1);
  for (let y = 0, p = 0; y < height; y++) {
    for (let x = 0; x < width; x++, p++) {
      if (!labels[p]) continue;
      const r = roots[labels[p]];
      labels[p] = r;
      if (first[r] < 0) {
        first[r] = p; x0[r] = x; y0[r] = y; x1[r] = x;
      } else {
        if (x < x0[r]) x0[r] = x;
        if (x > x1[r]) x1[r] = x;
      }
      y1[r] = y;
      pixels[r]++;
    }
  }
  const blobs: Blob[] = [];
  for (let r = 1; r < count; r++) {
    if (first[r] >= 0) blobs.push({ label: r, x0: x0[r], y0: y0[r], x1: x1[r], y1: y1[r], pixels: pixels[r], first: first[r] });
  }
  return { labels, blobs };
}

function union(parent: number[], a: number, b: number): void {
  const ra = root(parent, a), rb = root(parent, b);
  if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
}
