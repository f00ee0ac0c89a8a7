// Finds a page's table rules (stroked lines, rectangle edges, and the thin filled bars Word draws borders with) in
// the page's operator list, in points from the page's top-left, so cells can be bounded by the lines drawn.
import { OPS, Util } from './pdfjs.ts';
import type { PDFPageProxy } from 'pdfjs-dist';
import { pageOperators, type OperatorList } from './page-operators.ts';
type Matrix = number[];

/** A horizontal rule is `at` = y and spans x `from`..`to`; a vertical one is `at` = x and spans y. */
export interface Rule { at: number; from: number; to: number }
export interface Rules { horizontal: Rule[]; vertical: Rule[] }

// Path data codes in pdf.js 5 constructPath buffers (DrawOPS).
const MOVE = 0, LINE = 1, CURVE = 2, CLOSE = 3;
const STROKES = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const FILLS = new Set<number>([OPS.fill, OPS.eoFill]);
/** A filled bar at most this thick (points) is a border line, not a shaded cell. */
const BAR = 2.5;
/** Enough rules for any real table; a hostile page with millions of paths stops here. */
const MAX_RULES = 20_000;

export async function readRules(page: PDFPageProxy): Promise<Rules> {
  return findRules(await pageOperators(page), page.getViewport({ scale: 1 }).transform);
}

function findRules(ops: OperatorList, viewportTransform: Matrix): Rules {
  const rules: Rules = { horizontal: [], vertical: [] };
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  for (let i = 0; i < ops.fnArray.length && rules.horizontal.length + rules.vertical.length < MAX_RULES; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save || fn === OPS.paintFormXObjectBegin) stack.push(ctm);
    if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    if (fn === OPS.transform) ctm = Util.transform(ctm, args as Matrix);
    if (fn === OPS.paintFormXObjectBegin && isMatrix(args?.[0])) ctm = Util.transform(ctm, Array.from(args[0]));
    if (fn !== OPS.constructPath || !args) continue;
    const paint = args[0] as number;
    const data = (args[1] as unknown[] | undefined)?.[0];
    // The canvas renderer swaps the buffer for a Path2D once drawn; such a path was read before or is not ours.
    if (!(data instanceof Float32Array) && !Array.isArray(data)) continue;
    const toPage = Util.transform(viewportTransform, ctm);
    if (STROKES.has(paint)) addStrokes(data, toPage, rules);
    else if (FILLS.has(paint)) addBars(data, toPage, rules);
  }
  return rules;
}

/** Every straight, axis-parallel piece of a stroked path (rectangles included) is a rule. */
function addStrokes(data: ArrayLike<number>, m: Matrix, rules: Rules): void {
  forEachSubpath(data, (points, closed) => {
    const ends = closed ? [...points, points[0]] : points;
    for (let k = 1; k < ends.length; k++) addSegment(apply(m, ends[k - 1]), apply(m, ends[k]), rules);
  });
}

/** A thin filled rectangle is a border drawn as a bar (Word's PDF export does this); it counts as its centre line. */
function addBars(data: ArrayLike<number>, m: Matrix, rules: Rules): void {
  forEachSubpath(data, (points) => {
    if (points.length < 4 || points.length > 5) return;
    const page = points.map((p) => apply(m, p));
    const xs = page.map((p) => p[0]), ys = page.map((p) => p[1]);
    const [left, right, top, bottom] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    if (bottom - top <= BAR && right - left > BAR) rules.horizontal.push({ at: (top + bottom) / 2, from: left, to: right });
    else if (right - left <= BAR && bottom - top > BAR) rules.vertical.push({ at: (left + right) / 2, from: top, to: bottom });
  });
}

function addSegment([x1, y1]: number[], [x2, y2]: number[], rules: Rules): void {
  if (Math.abs(y1 - y2) < 0.5 && Math.abs(x1 - x2) > BAR) {
    rules.horizontal.push({ at: (y1 + y2) / 2, from: Math.min(x1, x2), to: Math.max(x1, x2) });
  } else if (Math.abs(x1 - x2) < 0.5 && Math.abs(y1 - y2) > BAR) {
    rules.vertical.push({ at: (x1 + x2) / 2, from: Math.min(y1, y2), to: Math.max(y1, y2) });
  }
}

/** Calls back with the points of each straight subpath; a subpath holding a curve is no rule and is skipped. */
function forEachSubpath(data: ArrayLike<number>, visit: (points: number[][], closed: boolean) => void): void {
  let points: number[][] = [];
  let curved = false;
  const flush = (closed: boolean) => {
    if (!curved && points.length > 1) visit(points, closed);
    points = [];
    curved = false;
  };
  for (let i = 0; i < data.length;) {
    const op = data[i++];
    if (op === MOVE) { flush(false); points.push([data[i++], data[i++]]); }
    else if (op === LINE) points.push([data[i++], data[i++]]);
    else if (op === CURVE) { curved = true; points.push([data[i + 4], data[i + 5]]); i += 6; }
    else if (op === CLOSE) { const start = points[0]; flush(true); if (start) points.push(start); }
    else break;
  }
  flush(false);
}

function isMatrix(value: unknown): value is ArrayLike<number> {
  return (Array.isArray(value) || value instanceof Float32Array) && value.length === 6;
}

function apply(m: Matrix, [x, y]: number[]): number[] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}
