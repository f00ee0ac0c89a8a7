// Measures how much a fitted ellipse looks like a seal's outer ring on the ink masks: ink along most of its
// perimeter, little ink just outside it, some ink (text, star) but no solid fill inside.
import { ellipsePoint, type Ellipse } from './fit-ellipse.ts';

export interface RingEvidence {
  /** Share of the perimeter on the page: a seal across the page edge shows only part of its ring. */
  visible: number;
  /** Share of the visible perimeter angles with ink on the ring band. */
  coverage: number;
  /** Share of the visible angles with ink just outside the ring (a ring is a boundary; text or a blot is not). */
  outside: number;
  /** Share of the inside (up to 70 % of the radius) covered by undilated ink. */
  fill: number;
  /** Share of the visible angles with undilated ink in the band where a seal's arc of characters runs (55-88 % of
   *  the radius, and short of the ring's own line): a seal with no star and no title, its text faded, may hold
   *  little ink further in. */
  textBand: number;
  /** Median radial thickness of the outermost stroke, as a share of the radius, over the angles where there is one:
   *  a seal's ring is a thin line (about 1.2 mm of 40); a donut chart's ring is a band. */
  ringWidth: number;
  /** The longest run of visible angles with no ink on the ring band, as a share of all angles: a pen circle left open
   *  has one long gap, a faded ring or one cut by rules has short ones. */
  longestGap: number;
  /** The longest stretch of visible angles along which the band of characters carries ink with no blank wider than a
   *  gap between two characters, as a share of all angles: a seal's name runs along most of its ring, a word
   *  written in a pen circle meets the band only at its ends. */
  arcSpan: number;
  /** Straight strokes running out from near the middle across the band of characters: a pie chart's spokes. A seal
   *  has a star in the middle and characters round its rim, with blank between them. */
  spokes: number;
}

const ANGLES = 96;
/** The widest blank between two characters of an arc (34 degrees: a short name spaced out over the top of the ring). */
const CHARACTER_GAP = 9;

/** The masks a ring is measured on: the blob (or group of blobs) it was fitted to, all dilated ink, and the ink itself. */
export interface RingMasks { labels: Int32Array; label: number; dilated: Uint8Array; ink: Uint8Array; width: number; height: number }

export function ringEvidence(e: Ellipse, masks: RingMasks): RingEvidence {
  const { labels, label, dilated, ink, width, height } = masks;
  const index = ([x, y]: [number, number]) => {
    const xi = Math.round(x), yi = Math.round(y);
    return xi >= 0 && yi >= 0 && xi < width && yi < height ? yi * width + xi : -1;
  };
  const at = (mask: Uint8Array, p: [number, number]) => mask[index(p)] === 1;
  // The ring must be this blob's (or group's) own ink: a fit that strays onto a neighbouring seal must not borrow its ring.
  const own = (p: [number, number]) => { const i = index(p); return labels[i] === label && dilated[i] === 1; };
  const onPage = ([x, y]: [number, number]) => x >= 0 && y >= 0 && x < width && y < height;
  // Radial steps of about one pixel through each band.
  const step = 1 / Math.max(8, e.a);
  let covered = 0, outside = 0;
  const strokes: { edge: number; width: number }[] = [];
  const bare: boolean[] = [];
  const anyInk = (t: number, from: number, to: number, hit: (p: [number, number]) => boolean) => {
    for (let s = from; s <= to; s += step) if (hit(ellipsePoint(e, t, s))) return true;
    return false;
  };
  const angles = Array.from({ length: ANGLES }, (_, k) => (2 * Math.PI * k) / ANGLES).filter((t) => onPage(ellipsePoint(e, t, 1)));
  const visible = angles.length;
  for (const t of angles) {
    const inked = anyInk(t, 0.8, 1.04, own);
    if (inked) covered++;
    bare.push(!inked);
    if (anyInk(t, 1.12, 1.3, (p) => at(dilated, p))) outside++;
    const stroke = outerStroke(t);
    if (stroke) strokes.push(stroke);
  }
  const ringWidth = median(strokes.map((s) => s.width));
  // The band of characters stops short of the ring's own line (its usual inner edge): a thick ring on a small seal
  // reaches into it.
  const bandTo = Math.min(0.88, median(strokes.map((s) => s.edge)) - ringWidth - step);
  const bandInk = angles.map((t) => anyInk(t, 0.55, bandTo, (p) => at(ink, p)));
  const lettered = bandInk.filter(Boolean).length;

  /** The first ink met going in from just outside the ring band (a one-pixel hole in it bridged): where it starts
   *  and how thick it is, as shares of the radius. */
  function outerStroke(t: number): { edge: number; width: number } | null {
    let s = 1.08;
    while (s >= 0.8 && !at(ink, ellipsePoint(e, t, s))) s -= step;
    if (s < 0.8) return null;
    const edge = s;
    let last = s;
    for (s -= step; s > 0.3 && s >= last - 2 * step; s -= step) if (at(ink, ellipsePoint(e, t, s))) last = s;
    return { edge, width: edge - last + step };
  }
  let inside = 0, filled = 0;
  for (let i = -6; i <= 6; i++) {
    for (let j = -6; j <= 6; j++) {
      const r = Math.hypot(i, j) / 6;
      if (r > 1) continue;
      const p = ellipsePoint(e, Math.atan2(j, i), 0.7 * r);
      if (!onPage(p)) continue;
      inside++;
      if (at(ink, p)) filled++;
    }
  }
  return {
    visible: visible / ANGLES,
    coverage: visible ? covered / visible : 0,
    outside: visible ? outside / visible : 1,
    fill: inside ? filled / inside : 0,
    textBand: visible ? lettered / visible : 0,
    ringWidth,
    longestGap: bridgedRun(bare, 0) / ANGLES,
    arcSpan: bridgedRun(bandInk, CHARACTER_GAP) / ANGLES,
    spokes: spokeCount(e, (p) => at(ink, p), step),
  };
}

/** Fine angles for spokes, which are a line or two of pixels wide. */
const SPOKE_ANGLES = 720;
const SPOKE_FROM = 0.2;
const SPOKE_TO = 0.85;

/** A spoke is a line: at most 6 degrees wide (a filled area under the ring, such as a red-brown desk round a
 *  photographed page, is wider). */
const MAX_SPOKE_ANGLES = 12;
/** Pixels to the side of a spoke that are mostly blank, and how much of its length may have ink there. */
const FLANK = 4;
const MAX_FLANKED = 0.35;

/** Narrow runs of angles along which ink runs from SPOKE_FROM to SPOKE_TO of the radius (a pixel to either side
 *  allowed, for a centre fitted a little off), each run counted once. */
function spokeCount(e: Ellipse, inked: (p: [number, number]) => boolean, step: number): number {
  const whole = Array.from({ length: SPOKE_ANGLES }, (_, k) => {
    const t = (2 * Math.PI * k) / SPOKE_ANGLES;
    let bare = 0, flanked = 0, samples = 0;
    for (let s = SPOKE_FROM; s <= SPOKE_TO; s += step) {
      const side = step / s;
      const hit = inked(ellipsePoint(e, t, s)) || inked(ellipsePoint(e, t - side, s)) || inked(ellipsePoint(e, t + side, s));
      // A one-pixel break is bridged: a thin pale line in a coarse scan keeps its red in parts.
      bare = hit ? 0 : bare + 1;
      if (bare > 1) return false;
      samples++;
      if (inked(ellipsePoint(e, t - FLANK * side, s)) || inked(ellipsePoint(e, t + FLANK * side, s))) flanked++;
    }
    // A line has blank beside it; a ray through a seal's star, title and characters, or along red text, has ink.
    return flanked <= MAX_FLANKED * samples;
  });
  let spokes = 0;
  for (let k = 0; k < SPOKE_ANGLES; k++) {
    if (!whole[k] || whole[(k + SPOKE_ANGLES - 1) % SPOKE_ANGLES]) continue;
    let run = 1;
    while (run <= MAX_SPOKE_ANGLES && whole[(k + run) % SPOKE_ANGLES]) run++;
    if (run <= MAX_SPOKE_ANGLES) spokes++;
  }
  return spokes;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((p, q) => p - q);
  return sorted[sorted.length >> 1];
}

/** The longest run of trues, going round (the last flag is next to the first), through runs of up to `gap` falses. */
function bridgedRun(flags: boolean[], gap: number): number {
  let longest = 0, start = -1, misses = 0;
  for (let i = 0; i < 2 * flags.length; i++) {
    if (flags[i % flags.length]) {
      if (start < 0) start = i;
      misses = 0;
      longest = Math.max(longest, i - start + 1);
    } else if (start >= 0 && ++misses > gap) start = -1;
  }
  return Math.min(longest, flags.length);
}
