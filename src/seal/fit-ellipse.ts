// Fits an ellipse to the outer edge of an ink blob: the outermost pixels of each row and column lie on a seal's
// outer ring, even when its inside is full of text; pixels cut by the page edge are left out, so a seal across
// the edge (骑缝章) is fitted from its visible arc.
import type { Blob } from './ink-blobs.ts';

export interface Ellipse { cx: number; cy: number; a: number; b: number; angle: number }

type Point = [number, number];

/** A window within the page, in pixels, inclusive. */
export interface Window { x0: number; y0: number; x1: number; y1: number }

/** Outermost pixels of the blob within the window, row by row and column by column; pixels on the page border or
 *  on a window side that cuts the blob are left out, as they are cuts, not the ring's edge. */
export function outerEdge(labels: Int32Array, width: number, height: number, blob: Blob, w: Window = blob): Point[] {
  const points: Point[] = [];
  const cutX = (x: number) => x <= 0 || x >= width - 1 || (x === w.x0 && w.x0 > blob.x0) || (x === w.x1 && w.x1 < blob.x1);
  const cutY = (y: number) => y <= 0 || y >= height - 1 || (y === w.y0 && w.y0 > blob.y0) || (y === w.y1 && w.y1 < blob.y1);
  const keep = (x: number, y: number) => { if (!cutX(x) && !cutY(y)) points.push([x, y]); };
  for (let y = w.y0; y <= w.y1; y++) {
    let first = -1, last = -1;
    for (let x = w.x0; x <= w.x1; x++) if (labels[y * width + x] === blob.label) { if (first < 0) first = x; last = x; }
    if (first >= 0) { keep(first, y); keep(last, y); }
  }
  for (let x = w.x0; x <= w.x1; x++) {
    let first = -1, last = -1;
    for (let y = w.y0; y <= w.y1; y++) if (labels[y * width + x] === blob.label) { if (first < 0) first = y; last = y; }
    if (first >= 0) { keep(x, first); keep(x, last); }
  }
  return points;
}

/** Least-squares conic through the points, trimmed twice of the points that fit worst (text touching the ring). */
export function fitEllipse(points: Point[]): Ellipse | null {
  let kept = points;
  let ellipse: Ellipse | null = null;
  for (let round = 0; round < 3; round++) {
    if (kept.length < 12) return null;
    ellipse = fitConic(kept);
    if (!ellipse || round === 2) break;
    const fitted = ellipse;
    const ranked = kept.map((p) => ({ p, miss: Math.abs(ellipseRadius(fitted, p[0], p[1]) - 1) }));
    ranked.sort((m, n) => m.miss - n.miss);
    kept = ranked.slice(0, Math.ceil(ranked.length * 0.8)).map((r) => r.p);
  }
  return ellipse;
}

/** Where a point lies relative to the ellipse: 1 on it, 0 at its centre, 2 at twice its size. */
function ellipseRadius(e: Ellipse, x: number, y: number): number {
  const dx = x - e.cx, dy = y - e.cy;
  const cos = Math.cos(e.angle), sin = Math.sin(e.angle);
  const u = (dx * cos + dy * sin) / e.a, v = (-dx * sin + dy * cos) / e.b;
  return Math.sqrt(u * u + v * v);
}

/** The point at parameter t on the ellipse grown by scale. */
export function ellipsePoint(e: Ellipse, t: number, scale: number): Point {
  const u = e.a * scale * Math.cos(t), v = e.b * scale * Math.sin(t);
  const cos = Math.cos(e.angle), sin = Math.sin(e.angle);
  return [e.cx + u * cos - v * sin, e.cy + u * sin + v * cos];
}

/** Solves A u² + B uv + C v² + D u + E v = 1 in centred, scaled coordinates, then reads centre, axes, angle. */
function fitConic(points: Point[]): Ellipse | null {
  let mx = 0, my = 0;
  for (const [x, y] of points) { mx += x; my += y; }
  mx /= points.length; my /= points.length;
  let s = 1;
  for (const [x, y] of points) s = Math.max(s, Math.abs(x - mx), Math.abs(y - my));
  const m = Array.from({ length: 5 }, () => new Array<number>(6).fill(0));
  for (const [x, y] of points) {
    const u = (x - mx) / s, v = (y - my) / s;
    const row = [u * u, u * v, v * v, u, v];
    for (let i = 0; i < 5; i++) {
      for (let j = 0; j < 5; j++) m[i][j] += row[i] * row[j];
      m[i][5] += row[i];
    }
  }
  const c = solve(m);
  if (!c) return null;
  const [A, B, C, D, E] = c;
  const det = 4 * A * C - B * B;
  if (det <= 0) return null;
  const u0 = (B * E - 2 * C * D) / det, v0 = (B * D - 2 * A * E) / det;
  const f = A * u0 * u0 + B * u0 * v0 + C * v0 * v0 + D * u0 + E * v0 - 1;
  const mean = (A + C) / 2, spread = Math.sqrt(((A - C) / 2) ** 2 + (B / 2) ** 2);
  const l1 = mean - spread, l2 = mean + spread;
  if (l1 <= 0 || f >= 0) return null;
  // l1 is the smaller eigenvalue, so its axis is the long one; atan2 gives the direction of l2's axis.
  const angle = 0.5 * Math.atan2(B, A - C) + Math.PI / 2;
  return { cx: mx + u0 * s, cy: my + v0 * s, a: Math.sqrt(-f / l1) * s, b: Math.sqrt(-f / l2) * s, angle };
}

/** Gauss-Jordan elimination with partial pivoting on an n x (n+1) augmented matrix. */
function solve(m: number[][]): number[] | null {
  const n = m.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    if (Math.abs(m[pivot][col]) < 1e-12) return null;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const k = m[r][col] / m[col][col];
      for (let j = col; j <= n; j++) m[r][j] -= k * m[col][j];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}
