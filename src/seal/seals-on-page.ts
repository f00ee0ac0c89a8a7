// Finds seal rings in one rendered page: red-ink mask against the paper colour, rules cleared, blobs, ellipse fit,
// ring evidence. A blob larger than a seal (a seal over red text) is searched window by window.
import { sheetShare } from './sheet-in-photo.ts';
import { FAINT_INK, paperColour, redInkMask, USUAL_INK, type Rgb } from './ink-colour.ts';
import { dilate, labelBlobs, type Blob } from './ink-blobs.ts';
import { clearLongRuns, clearTurnedRuns } from './clear-rules.ts';
import { ruleSkew } from './rule-skew.ts';
import { fitEllipse, outerEdge, type Ellipse, type Window } from './fit-ellipse.ts';
import { ringEvidence } from './ring-evidence.ts';
import { judgeRing, mmPerPixel, sealShaped, MIN_SEAL_MM, MAX_SEAL_MM, PIE_SPOKES } from './judge-ring.ts';

export interface PageSeal {
  /** [x, y, width, height] in pixels of the render, clipped to the page. */
  box: [number, number, number, number];
  ellipse: Ellipse;
  score: number;
}

/** Dilation radius in millimetres: bridges breaks in faded ink and where black text crosses the ring. */
const DILATION_MM = 0.7;
/** Straight ink runs longer than this are rules or borders, not part of a seal (a 45 mm ring's top arc runs ~15 mm). */
const LONG_RUN_MM = 32;
/** How far a rule may wander from one pixel row over that run: a scan is rotated by a few degrees. */
const RULE_DRIFT_MM = 0.7;
/** Ink this far all round a pixel is a filled area, not a stroke that could tell the rules' angle. */
const FILL_MM = 3;
/** Turn (tangent) from which rules are cleared along their own slope; under it the drift above follows them. */
const MIN_TURN = Math.tan((2 * Math.PI) / 180);
/** Longest break bridged in a rule whose red survives only in parts (a heavily compressed scan). */
const RULE_GAP_MM = 1;
/** Thickest rule cleared: a 红头 document's double rule (3 pt, a gap, 1 pt) blurs into one band about 2 mm thick in a
 *  scan. A ring crossing a rule is thicker than this along the rule's normal, and so is one lying on it. */
const RULE_THICK_MM = 2.4;
/** Search windows over a blob that is not one seal: big enough to hold a usual seal (up to 45 mm) whole,
 *  overlapping by most of their side. */
const WINDOW_MM = 54;
const WINDOW_STEP_MM = 8;

/** A pie chart's circle is closed, and fills most of a ring fitted round it and its legend. */
const MIN_PIE_COVERAGE = 0.9;
const PIE_SHARE = 0.6;

/** Gathers the arcs of a ring broken by faded ink or by colour lost to JPEG compression into one group to fit. */
const GROUP_MM = 2.5;

/** The seals the check sees on a page: looked for in seal red, and where none is seen, again in paler red for a faded
 *  impression (not on a scan too poor to trust its colours). */
export function sealsSeen(data: Uint8ClampedArray, width: number, height: number, pagePxPerPt: number, poorScan: boolean): PageSeal[] {
  // Sizes are measured on the sheet: in a photo of it on a desk it is smaller than its page.
  const paper = paperColour(data, width, height);
  const pxPerPt = pagePxPerPt * sheetShare(data, width, height, pagePxPerPt, paper);
  const seals = sealsOnPage(data, width, height, pxPerPt, { poorScan, paper });
  return seals.length > 0 || poorScan ? seals : sealsOnPage(data, width, height, pxPerPt, { faint: true, paper });
}

/** `poorScan`: the page is a scan too coarse or compressed to trust its colours (PageRaster.poorScan); `faint`: look
 *  for a faded impression, in paler red (FAINT_INK); `paper`: the paper colour, if already known. */
export function sealsOnPage(
  data: Uint8ClampedArray, width: number, height: number, pxPerPt: number,
  { poorScan = false, faint = false, paper = paperColour(data, width, height) }: { poorScan?: boolean; faint?: boolean; paper?: Rgb } = {},
): PageSeal[] {
  const mm = mmPerPixel(pxPerPt);
  // A scan too poor to trust its colours keeps its paper's cast: taking it out there amplifies JPEG colour noise into
  // red, and a seal missed in such a scan is answered by asking for a better one.
  const red = redInkMask(data, width, height, paper, !poorScan, faint ? FAINT_INK : USUAL_INK);
  const line = {
    maxRun: LONG_RUN_MM / mm, drift: Math.max(1, Math.round(RULE_DRIFT_MM / mm)), thick: RULE_THICK_MM / mm, gap: Math.round(RULE_GAP_MM / mm),
  };
  const skew = ruleSkew(red, width, height, Math.round(FILL_MM / mm));
  const ink = Math.abs(skew) < MIN_TURN ? clearLongRuns(red, width, height, line) : clearTurnedRuns(red, width, height, skew, line);
  const dilation = Math.max(1, Math.round(DILATION_MM / mm));
  const grown = dilate(ink, width, height, dilation);
  const seals: PageSeal[] = [];
  const pies: Ellipse[] = [];
  // Fits blobs of `labels`, whose edges lie `offset` pixels outside the ink; the ring is then measured as one blob.
  const search = (labels: Int32Array, blobs: Blob[], offset: number) => {
    const tryWindow = (blob: Blob, window: Window): boolean => {
      const fitted = fitEllipse(outerEdge(labels, width, height, blob, window));
      if (!fitted || !sealShaped(fitted, pxPerPt, offset)) return false;
      const ring = { ...fitted, a: fitted.a - offset, b: fitted.b - offset };
      const measured = { ...ring, a: ring.a + dilation, b: ring.b + dilation };
      const evidence = ringEvidence(measured, { labels, label: blob.label, dilated: grown, ink, width, height });
      if (evidence.spokes >= PIE_SPOKES && evidence.coverage >= MIN_PIE_COVERAGE) pies.push(ring);
      const verdict = judgeRing(evidence, { poorScan, faint });
      if (verdict.seal) seals.push({ box: clippedBox(ring, width, height), ellipse: ring, score: verdict.score });
      return verdict.seal;
    };
    for (const blob of blobs) {
      if (!bigEnough(blob, width, height, mm)) continue;
      const side = Math.max(blob.x1 - blob.x0 + 1, blob.y1 - blob.y0 + 1) * mm;
      if (side <= MAX_SEAL_MM && tryWindow(blob, blob)) continue;
      // A seal joined to red text or a mark beside it: look at seal-sized parts of the blob.
      if (side > WINDOW_MM) for (const window of windowsOver(blob, WINDOW_MM / mm, WINDOW_STEP_MM / mm)) tryWindow(blob, window);
    }
  };
  const pieces = labelBlobs(grown, width);
  search(pieces.labels, pieces.blobs, dilation);
  const spread = Math.max(dilation + 1, Math.round(GROUP_MM / mm));
  const groups = labelBlobs(dilate(ink, width, height, spread), width);
  // A group of one piece was searched already.
  const piecesIn = new Map<number, number>();
  for (const piece of pieces.blobs) piecesIn.set(groups.labels[piece.first], (piecesIn.get(groups.labels[piece.first]) ?? 0) + 1);
  search(groups.labels, groups.blobs.filter((g) => (piecesIn.get(g.label) ?? 0) > 1), spread);
  return distinct(seals.filter((seal) => !pies.some((pie) => holds(seal.ellipse, pie))));
}

/** A ring fitted round a pie chart and the marks beside it (its legend) holds the pie's circle where a seal's
 *  characters run: not a seal either. */
function holds(outer: Ellipse, inner: Ellipse): boolean {
  return Math.hypot(inner.cx - outer.cx, inner.cy - outer.cy) < outer.b && inner.a >= PIE_SHARE * outer.a;
}

/** Cheap size gate before fitting: a blob cut by the page edge may show only half of its seal. */
function bigEnough(blob: Blob, width: number, height: number, mm: number): boolean {
  const w = (blob.x1 - blob.x0 + 1) * mm, h = (blob.y1 - blob.y0 + 1) * mm;
  const cut = blob.x0 === 0 || blob.y0 === 0 || blob.x1 === width - 1 || blob.y1 === height - 1;
  return Math.max(w, h) >= (cut ? MIN_SEAL_MM / 2 : MIN_SEAL_MM * 0.9) && Math.min(w, h) >= MIN_SEAL_MM / 3;
}

function windowsOver(blob: Blob, side: number, step: number): Window[] {
  const starts = (from: number, to: number) => {
    const out: number[] = [];
    for (let v = from; ; v += step) { out.push(Math.round(Math.min(v, Math.max(from, to - side)))); if (v + side >= to) break; }
    return out;
  };
  return starts(blob.x0, blob.x1).flatMap((x0) => starts(blob.y0, blob.y1).map((y0) => ({
    x0, y0, x1: Math.min(blob.x1, Math.round(x0 + side)), y1: Math.min(blob.y1, Math.round(y0 + side)),
  })));
}

/** One finding per seal: overlapping windows find the same ring; keep the best-scored. */
function distinct(seals: PageSeal[]): PageSeal[] {
  const kept: PageSeal[] = [];
  for (const s of [...seals].sort((p, q) => q.score - p.score)) {
    if (!kept.some((k) => Math.hypot(k.ellipse.cx - s.ellipse.cx, k.ellipse.cy - s.ellipse.cy) < Math.min(k.ellipse.b, s.ellipse.b))) kept.push(s);
  }
  return kept;
}

/** The ellipse's bounding box, clipped to the page. */
function clippedBox(e: Ellipse, width: number, height: number): [number, number, number, number] {
  const cos = Math.cos(e.angle), sin = Math.sin(e.angle);
  const hx = Math.hypot(e.a * cos, e.b * sin), hy = Math.hypot(e.a * sin, e.b * cos);
  const x0 = Math.max(0, e.cx - hx), y0 = Math.max(0, e.cy - hy);
  const x1 = Math.min(width, e.cx + hx), y1 = Math.min(height, e.cy + hy);
  return [x0, y0, x1 - x0, y1 - y0];
}
