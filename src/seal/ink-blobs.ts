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
  for (let p = mask.indexOf(1); p >= 0; p = mask.indexOf(1, p)) {
    const y = (p / width) | 0;
    rows[y] = 1;
    for (const rowEnd = (y + 1) * width; p < rowEnd && mask[p]; p++) cols[p - y * width] = 1;
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

function root(parent: Int32Array, a: number): number {
  while (parent[a] !== a) {
    parent[a] = parent[parent[a]];
    a = parent[a];
  }
  return a;
}

/**
 * Labels 8-connected components of a 0/1 mask; returns the label image (0 = none) and one Blob per component, in
 * the reading order of their first pixels. Ink is sparse, so empty stretches are skipped with indexOf (native).
 */
export function labelBlobs(mask: Uint8Array, width: number): { labels: Int32Array; blobs: Blob[] } {
  const labels = new Int32Array(mask.length);
  let parent: Int32Array = new Int32Array(1024);
  let count = 1;
  for (let p = mask.indexOf(1); p >= 0; p = mask.indexOf(1, p)) {
    const y = (p / width) | 0;
    const rowEnd = (y + 1) * width;
    for (let x = p - y * width; p < rowEnd && mask[p]; p++, x++) {
      // Left, up-left, up and up-right are each other's neighbours except up-right with left or up-left, so one
      // label is taken and only that pair can need a union.
      const up = y > 0 ? labels[p - width] : 0;
      const upLeft = y > 0 && x > 0 ? labels[p - width - 1] : 0;
      const upRight = y > 0 && x < width - 1 ? labels[p - width + 1] : 0;
      const left = x > 0 ? labels[p - 1] : 0;
      let label = up || upRight || upLeft || left;
      if (!up && upRight && (upLeft || left)) union(parent, upRight, upLeft || left);
      if (!label) {
        if (count === parent.length) parent = grown(parent);
        parent[count] = count;
        label = count++;
      }
      labels[p] = label;
    }
  }
  // Per root label: box, pixel count and first pixel, in typed arrays.
  const roots = new Int32Array(count);
  for (let l = 1; l < count; l++) roots[l] = root(parent, l);
  const x0 = new Int32Array(count), y0 = new Int32Array(count), x1 = new Int32Array(count), y1 = new Int32Array(count);
  const pixels = new Int32Array(count), first = new Int32Array(count).fill(-1);
  for (let p = mask.indexOf(1); p >= 0; p = mask.indexOf(1, p)) {
    const y = (p / width) | 0;
    const rowEnd = (y + 1) * width;
    for (let x = p - y * width; p < rowEnd && mask[p]; p++, x++) {
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

function grown(parent: Int32Array): Int32Array {
  const bigger = new Int32Array(parent.length * 2);
  bigger.set(parent);
  return bigger;
}

function union(parent: Int32Array, a: number, b: number): void {
  const ra = root(parent, a), rb = root(parent, b);
  if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
}
