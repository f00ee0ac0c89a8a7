// Decides whether a fitted ring is an official seal, from its physical size, its shape and the ink around it.
import type { Ellipse } from './fit-ellipse.ts';
import type { RingEvidence } from './ring-evidence.ts';

/** Seal diameters: round seals are 38-45 mm, ovals about 40 x 30 mm; an electronic seal printed to fit is a little smaller. */
export const MIN_SEAL_MM = 28;
export const MAX_SEAL_MM = 80;
/** Short over long axis: round is 1, a 45 x 30 mm oval is 0.67. */
const MIN_AXIS_RATIO = 0.6;
/** Most of the ring must be on the page, and most of that must carry ink. */
const MIN_VISIBLE = 0.5;
const MIN_COVERAGE = 0.78;
const MAX_OUTSIDE = 0.35;
/** A seal stamped with one side lifted shows only part of its ring (a blank of up to some 140 degrees): less coverage
 *  passes where nothing lies just outside the ring (the rest of what a seal needs is still asked, its arc of
 *  characters above all, so not on a scan too poor to show that arc). */
const PARTIAL_COVERAGE = 0.6;
const PARTIAL_OUTSIDE = 0.05;
/** A seal's ring is a line (about 1.2 mm of a 40 mm seal's 20 mm radius; 0.16 of the radius at most in the corpus,
 *  blurred scans and small annotation seals included); a ring chart's is a band (a 40 mm donut's 6-8 mm: 0.3-0.4). */
const MAX_RING_WIDTH = 0.25;
/** A ring with one long blank stretch (a pen circle drawn round a red figure and left open, or a seal stamped with
 *  one side lifted) passes only with ink where a seal's arc of characters runs (MIN_TEXT_BAND, below): an open pen
 *  circle has next to none there. Of the seals in the corpus and an outside-style probe with a blank stretch over
 *  12.5 % of the way round (up to 18 %), the sparest has ink on 20 % of that band (a 90 degree blank, four
 *  characters left), the rest 50 % or more. */
const OPEN_GAP = 0.125;
/** Every seal carries its unit's name in an arc along its ring: some ink in that band (the seals of the corpus and
 *  of an outside-style probe have it on 22 % of its angles or more; a pen circle round a figure in its middle has
 *  next to none). Not asked of a scan too coarse or compressed to keep small red characters red (under 100 dpi or
 *  at JPEG quality 10 or lower): a seal missed there is answered by asking for a better scan anyway. */
const MIN_ARC_TEXT = 0.1;
/** A whole seal on the page (its ring 90 % visible) carries its arc of characters in one stretch along 22 % of the
 *  way round at least: its name runs along the ring (the corpus's seals, photographed and rescanned included, mostly
 *  over 50 %; the least, 24 %, a small seal in a crooked 72 dpi photo whose thin characters half faded); a word or
 *  figure in a pen circle or a rounded box meets that band in patches at its ends (bench/seal-shapes.ts). A seal
 *  across the page edge, and one in a scan too poor to keep small red characters, are not asked. */
const MIN_ARC_SPAN = 0.22;
const WHOLE_RING = 0.9;
/** A seal holds text and a star (some fill), but is not a solid red disc. */
const MIN_FILL = 0.03;
const MAX_FILL = 0.6;
/** A seal's inside is inked on 42 % of it at most (a bold seal with a thick ring in a blurred scan), and where over
 *  30 % nothing lies outside its ring (7 % at most, of some 1,800 seals in the corpus, the benches and three
 *  outside-style probes). A ring fitted round strokes of a big painted character (a draft's red watermark, 样稿 or
 *  作废, its strokes blurred together in a scan) is inked 44-58 % inside, and its strokes run on outside (26-34 %). */
const DENSE_FILL = 0.4;
const DENSE_OUTSIDE = 0.15;
/** A seal with no star and no title whose text has faded holds little ink inside: it may pass on the arc of
 *  characters along its ring instead, if the ring is whole and clean (red rules and loops that make a ring-like
 *  fit leave gaps in it and ink outside it). */
const MIN_TEXT_BAND = 0.15;
const CLEAN_COVERAGE = 0.95;
const CLEAN_OUTSIDE = 0.1;
/** A ring seen only in paler red (FAINT_INK) must be nearly whole and clean: pale red table rules pass that bar too,
 *  and with a red scribble across them made rings of 80 % coverage. */
const FAINT_COVERAGE = 0.9;

/** A ring with this many spokes is a pie chart: an outline pie chart has one per slice, and over a red-ruled table
 *  those lying on its rules are cleared with them; of some 780 seal rings accepted in the corpus and three
 *  outside-style probes, one has one spoke (a 70 mm fit in a compressed scan), the rest none. */
export const PIE_SPOKES = 2;

export interface RingVerdict { seal: boolean; score: number }

/** millimetres per pixel, from the render's pixels per PDF point (72 points to 25.4 mm). */
export function mmPerPixel(pxPerPt: number): number {
  return 25.4 / 72 / pxPerPt;
}

/** Whether the fitted ellipse has a seal's size and shape; checked before any ink is measured along it. */
export function sealShaped(e: Ellipse, pxPerPt: number, dilation: number): boolean {
  // The fit follows the dilated edge, which is `dilation` pixels outside the ink.
  const longMm = 2 * (e.a - dilation) * mmPerPixel(pxPerPt);
  const ratio = (e.b - dilation) / (e.a - dilation);
  return longMm >= MIN_SEAL_MM && longMm <= MAX_SEAL_MM && ratio >= MIN_AXIS_RATIO;
}

/** Decides a seal-shaped ring from the ink measured along it; `poorScan`: on a page of a scan too poor to trust its
 *  colours; `faint`: measured on paler red ink. */
export function judgeRing(evidence: RingEvidence, { poorScan = false, faint = false } = {}): RingVerdict {
  const checks = [
    !faint || (evidence.coverage >= FAINT_COVERAGE && evidence.outside <= CLEAN_OUTSIDE),
    evidence.visible >= MIN_VISIBLE,
    evidence.coverage >= MIN_COVERAGE || (!poorScan && evidence.coverage >= PARTIAL_COVERAGE && evidence.outside <= PARTIAL_OUTSIDE),
    evidence.outside <= MAX_OUTSIDE,
    evidence.ringWidth <= MAX_RING_WIDTH,
    evidence.longestGap < OPEN_GAP || evidence.textBand >= MIN_TEXT_BAND,
    poorScan || evidence.textBand >= MIN_ARC_TEXT,
    poorScan || evidence.visible < WHOLE_RING || evidence.arcSpan >= MIN_ARC_SPAN,
    (evidence.fill >= MIN_FILL || lettered(evidence)) && evidence.fill <= MAX_FILL,
    evidence.fill <= DENSE_FILL || evidence.outside <= DENSE_OUTSIDE,
    evidence.spokes < PIE_SPOKES,
  ];
  const seal = checks.every(Boolean);
  // Score: how far past the coverage bar the ring is, lowered by ink outside it; 0.5 at the bar for a seal.
  const margin = (evidence.coverage - MIN_COVERAGE) / (1 - MIN_COVERAGE);
  const score = seal ? 0.5 + 0.5 * Math.max(0, margin) * (1 - evidence.outside) : 0.5 * evidence.coverage;
  return { seal, score: Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000 };
}

function lettered({ textBand, coverage, outside }: RingEvidence): boolean {
  return textBand >= MIN_TEXT_BAND && coverage >= CLEAN_COVERAGE && outside <= CLEAN_OUTSIDE;
}
