// Groups red-ink pixels into blobs: a small dilation bridges the gaps of faded or text-crossed rings,
// then 8-connected components are labelled in two passes with union-find.

export interface Blob {
  label: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  pixels: number;
}

/** Square max-filter of the given radius, done as a horizontal then a vertical running pass. */
export function dilate(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const across = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) spread(mask, across, y * width, 1, width, radius);
  const out = new Uint8Array(mask.length);
  for (let x = 0; x < width; x++) spread(across, out, x, width, height, radius);
  return out;
}

/** One line of the max-filter: marks every cell within radius of a set cell. */
function spread(src: Uint8Array, dst: Uint8Array, start: number, stride: number, length: number, radius: number): void {
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
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      if (!mask[p]) continue;
      const up = y > 0 ? p - width : -1;
      const near = [x > 0 ? labels[p - 1] : 0, up >= 0 && x > 0 ? labels[up - 1] : 0,
        up >= 0 ? labels[up] : 0, up >= 0 && x < width - 1 ? labels[up + 1] : 0];
      let label = 0;
      for (const n of near) if (n && (!label || n < label)) label = n;
      if (!label) {
        label = parent.length;
        parent.push(label);
      }
      labels[p] = label;
      for (const n of near) if (n && n !== label) union(parent, n, label);
    }
  }
  const roots = parent.map((_, l) => root(parent, l));
  const byRoot = new Map<number, Blob>();
  for (let p = 0; p < labels.length; p++) {
    if (!labels[p]) continue;
    const r = roots[labels[p]];
    labels[p] = r;
    const x = p % width, y = (p - x) / width;
    const blob = byRoot.get(r);
    if (!blob) byRoot.set(r, { label: r, x0: x, y0: y, x1: x, y1: y, pixels: 1 });
    else {
      blob.pixels++;
      if (x < blob.x0) blob.x0 = x;
      if (x > blob.x1) blob.x1 = x;
      blob.y1 = y;
    }
  }
  return { labels, blobs: [...byRoot.values()] };
}

function union(parent: number[], a: number, b: number): void {
  const ra = root(parent, a), rb = root(parent, b);
  if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
}

/** Clears thin straight ink lines longer than maxRun, horizontal and vertical: red rules and table borders, which
 *  would otherwise join a seal they cross into one blob. A line stays within `drift` pixels of one row or column
 *  over the run (a scan is rotated by a few degrees) and is at most `thick` pixels across; where a seal's ring
 *  crosses it, the ring runs across the line, is thicker there, and is kept. */
export function clearLongRuns(mask: Uint8Array, width: number, height: number, maxRun: number, drift: number, thick: number): Uint8Array {
  const out = mask.slice();
  const tall = new Uint8Array(mask.length);
  for (let x = 0; x < width; x++) spread(mask, tall, x, width, height, drift);
  const wide = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) spread(mask, wide, y * width, 1, width, drift);
  const down = runLengths(mask, width, height, width, 1);
  const across = runLengths(mask, width, height, 1, width);
  const sweep = (band: Uint8Array, cross: Uint16Array, start: number, stride: number, length: number) => {
    let runStart = -1;
    for (let k = 0; k <= length; k++) {
      const on = k < length && band[start + k * stride] === 1;
      if (on && runStart < 0) runStart = k;
      if (!on && runStart >= 0) {
        if (k - runStart > maxRun) {
          for (let j = runStart; j < k; j++) if (cross[start + j * stride] <= thick) out[start + j * stride] = 0;
        }
        runStart = -1;
      }
    }
  };
  for (let y = 0; y < height; y++) sweep(tall, down, y * width, 1, width);
  for (let x = 0; x < width; x++) sweep(wide, across, x, width, height);
  return out;
}

/** For every ink pixel, the length of the ink run through it along one direction (step), lines `lineStep` apart. */
function runLengths(mask: Uint8Array, width: number, height: number, step: number, lineStep: number): Uint16Array {
  const lengths = new Uint16Array(mask.length);
  const lines = step === 1 ? height : width, length = step === 1 ? width : height;
  for (let l = 0; l < lines; l++) {
    const start = l * lineStep;
    let runStart = -1;
    for (let k = 0; k <= length; k++) {
      const on = k < length && mask[start + k * step] === 1;
      if (on && runStart < 0) runStart = k;
      if (!on && runStart >= 0) {
        for (let j = runStart; j < k; j++) lengths[start + j * step] = Math.min(65535, k - runStart);
        runStart = -1;
      }
    }
  }
  return lengths;
}
