// Red marks that are not seals, in millimetres from the page's top-left: handwriting and signatures, rules,
// small round logos, a draft's watermark and an outline pie chart; drawn as vector paths (pdf-lib) and as pixels
// (canvas, before scanning or as a picture over the page).
import { rgb, type PDFPage } from 'pdf-lib';
import { GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import type { Rng } from './prng.ts';
import { randomSeal, type Rgb, type SealSpec } from './seal-layout.ts';

export type Trap =
  | { kind: 'handwriting'; strokes: [number, number][][]; colour: Rgb; widthMm: number }
  | { kind: 'rule'; x0: number; y0: number; x1: number; y1: number; colour: Rgb; widthMm: number }
  | { kind: 'logo'; seal: SealSpec; cx: number; cy: number }
  | { kind: 'watermark'; text: string; cx: number; cy: number; sizeMm: number; angleDeg: number; colour: Rgb; opacity: number }
  | { kind: 'pie'; cx: number; cy: number; sizeMm: number; shares: number[]; colour: Rgb; redFigures: boolean };

const RED: Rgb = [225, 20, 30];
const PT_PER_MM = 72 / 25.4;

/** A signature or note: loops and waves in red ink, 30-70 mm wide, somewhere on the page. */
export function handwriting(rng: Rng, pageW: number, pageH: number): Trap {
  const x = rng.range(20, pageW - 90), y = rng.range(20, pageH - 40), w = rng.range(30, 70), h = rng.range(8, 25);
  const strokes = Array.from({ length: rng.int(1, 4) }, (_, s) => {
    const loops = rng.range(2, 6), phase = rng.range(0, 6);
    return Array.from({ length: 60 }, (_, k): [number, number] => {
      const t = k / 59;
      return [x + s * 6 + w * t + 4 * Math.cos(loops * 6.28 * t + phase), y + h / 2 + (h / 2) * Math.sin(loops * 6.28 * t + phase) * (1 - t * 0.5)];
    });
  });
  return { kind: 'handwriting', strokes, colour: rng.pick([RED, [190, 20, 40], [200, 30, 90]]), widthMm: rng.range(0.4, 0.9) };
}

export function rule(rng: Rng, pageW: number, pageH: number): Trap {
  const y = rng.range(15, pageH - 15), x0 = rng.range(10, 40);
  return { kind: 'rule', x0, y0: y, x1: pageW - rng.range(10, 40), y1: y, colour: RED, widthMm: rng.range(0.4, 1.5) };
}

/** A unit's little round emblem: seal-like, but 8-16 mm across. */
export function logo(rng: Rng, pageW: number, pageH: number): Trap {
  const seal = randomSeal(rng, 'round');
  seal.widthMm = seal.heightMm = rng.range(8, 16);
  return { kind: 'logo', seal, cx: rng.range(15, pageW - 15), cy: rng.range(15, pageH - 15) };
}

const MARK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc';
let markFontReady = false;
/** The font of drawn words and figures (registered once). */
function markFont(px: number): string {
  if (!markFontReady) markFontReady = GlobalFonts.registerFromPath(MARK_FONT, 'MarkSans');
  return `${Math.round(px)}px MarkSans`;
}

/** A draft's watermark: two characters 45-75 mm tall in red, turned 25-45 degrees either way, across the middle of
 *  the page, pale or strong. In a scan their strokes blur into shapes of a seal's size. */
export function watermark(rng: Rng, pageW: number, pageH: number): Trap {
  return {
    kind: 'watermark', text: rng.pick(['样稿', '草稿', '作废', '样本', '副本']),
    cx: pageW / 2 + rng.range(-25, 25), cy: pageH / 2 + rng.range(-40, 40), sizeMm: rng.range(45, 75),
    angleDeg: (rng.chance(0.5) ? -1 : 1) * rng.range(25, 45), colour: rng.pick<Rgb>([RED, [235, 90, 90], [200, 30, 60]]),
    opacity: rng.range(0.35, 0.9),
  };
}

/** An outline pie chart of a seal's size (a red circle, a spoke per slice) with its percentages in red inside, or
 *  in black with a legend of red squares beside it: in the right half of the page, clear of a seal over the table. */
export function pieChart(rng: Rng, pageW: number, pageH: number): Trap {
  const weights = Array.from({ length: rng.int(3, 6) }, () => rng.range(1, 4));
  const total = weights.reduce((a, b) => a + b, 0);
  return {
    kind: 'pie', cx: rng.range(pageW / 2 + 30, pageW - 45), cy: rng.range(50, pageH - 50), sizeMm: rng.range(32, 48),
    shares: weights.map((w) => w / total), colour: rng.pick<Rgb>([RED, [200, 40, 45], [215, 60, 70]]), redFigures: rng.chance(0.5),
  };
}

/** Marks painted as pixels by drawTrapPixels: all but logos, which the caller's seal drawer draws. */
export type PaintedTrap = Exclude<Trap, { kind: 'logo' }>;
type LineTrap = Exclude<PaintedTrap, { kind: 'watermark' | 'pie' }>;

/** The line marks as vector paths. */
export function drawTrapVector(page: PDFPage, trap: LineTrap): void {
  const H = page.getHeight();
  const at = ([x, y]: [number, number]) => ({ x: x * PT_PER_MM, y: H - y * PT_PER_MM });
  const color = rgb(trap.colour[0] / 255, trap.colour[1] / 255, trap.colour[2] / 255);
  const lines = trap.kind === 'rule' ? [[[trap.x0, trap.y0], [trap.x1, trap.y1]] as [number, number][]] : trap.strokes;
  for (const line of lines) {
    for (let k = 1; k < line.length; k++) page.drawLine({ start: at(line[k - 1]), end: at(line[k]), thickness: trap.widthMm * PT_PER_MM, color });
  }
}

export function drawTrapPixels(g: SKRSContext2D, pxPerMm: number, trap: PaintedTrap): void {
  if (trap.kind === 'watermark') return drawWatermark(g, pxPerMm, trap);
  if (trap.kind === 'pie') return drawPie(g, pxPerMm, trap);
  g.strokeStyle = `rgb(${trap.colour.join(',')})`;
  g.lineWidth = trap.widthMm * pxPerMm;
  g.lineCap = 'round';
  const lines = trap.kind === 'rule' ? [[[trap.x0, trap.y0], [trap.x1, trap.y1]] as [number, number][]] : trap.strokes;
  for (const line of lines) {
    g.beginPath();
    line.forEach(([x, y], k) => (k ? g.lineTo(x * pxPerMm, y * pxPerMm) : g.moveTo(x * pxPerMm, y * pxPerMm)));
    g.stroke();
  }
}

/** Printed under the page's text: multiplied, so black stays black. */
function drawWatermark(g: SKRSContext2D, pxPerMm: number, trap: Extract<Trap, { kind: 'watermark' }>): void {
  g.save();
  g.globalAlpha = trap.opacity;
  g.globalCompositeOperation = 'multiply';
  g.fillStyle = `rgb(${trap.colour.join(',')})`;
  g.translate(trap.cx * pxPerMm, trap.cy * pxPerMm);
  g.rotate((-trap.angleDeg * Math.PI) / 180);
  g.font = markFont(trap.sizeMm * pxPerMm);
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillText(trap.text, 0, 0);
  g.restore();
}

function drawPie(g: SKRSContext2D, pxPerMm: number, trap: Extract<Trap, { kind: 'pie' }>): void {
  const [cx, cy, r] = [trap.cx * pxPerMm, trap.cy * pxPerMm, (trap.sizeMm / 2) * pxPerMm];
  const red = `rgb(${trap.colour.join(',')})`;
  g.save();
  g.strokeStyle = red;
  g.lineWidth = 0.3 * pxPerMm;
  g.beginPath();
  g.arc(cx, cy, r, 0, 2 * Math.PI);
  let from = -Math.PI / 2;
  for (const share of trap.shares) {
    g.moveTo(cx, cy);
    g.lineTo(cx + r * Math.cos(from), cy + r * Math.sin(from));
    from += 2 * Math.PI * share;
  }
  g.stroke();
  g.font = markFont(3 * pxPerMm);
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  from = -Math.PI / 2;
  trap.shares.forEach((share, k) => {
    const mid = from + Math.PI * share;
    g.fillStyle = trap.redFigures ? red : 'rgb(40, 40, 40)';
    g.fillText(`${Math.round(share * 100)}%`, cx + 0.6 * r * Math.cos(mid), cy + 0.6 * r * Math.sin(mid));
    if (!trap.redFigures) {
      g.fillStyle = red;
      g.fillRect(cx + r + 4 * pxPerMm, cy - r + k * 6 * pxPerMm, 3.5 * pxPerMm, 3.5 * pxPerMm);
    }
    from += 2 * Math.PI * share;
  });
  g.restore();
}
