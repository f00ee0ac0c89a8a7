// Draws a seal as pixels with @napi-rs/canvas: an electronic seal PNG with transparency, or ink for a scanned page,
// optionally with uneven, faded ink (blotches and dropouts), as a real stamp leaves it.
import { createCanvas, GlobalFonts, type Canvas } from '@napi-rs/canvas';
import { placeChars, starPoints, type SealSpec } from './seal-layout.ts';
import type { Rng } from './prng.ts';

const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc';
let fontReady = false;

function ensureFont(): void {
  if (!fontReady) fontReady = GlobalFonts.registerFromPath(CJK_FONT, 'SealSerif');
}

/** A transparent square canvas holding the rotated seal, centred, at pxPerMm. */
export function sealCanvas(spec: SealSpec, pxPerMm: number, rng: Rng, uneven: number): Canvas {
  ensureFont();
  const side = Math.ceil((Math.hypot(spec.widthMm, spec.heightMm) + 2) * pxPerMm);
  const canvas = createCanvas(side, side);
  const g = canvas.getContext('2d');
  const [r, gr, b] = spec.colour;
  g.translate(side / 2, side / 2);
  g.rotate((spec.rotationDeg * Math.PI) / 180);
  g.scale(pxPerMm, pxPerMm);
  g.strokeStyle = g.fillStyle = `rgb(${r},${gr},${b})`;
  g.lineWidth = spec.ringMm;
  const a = spec.widthMm / 2 - spec.ringMm / 2, bb = spec.heightMm / 2 - spec.ringMm / 2;
  g.beginPath();
  g.ellipse(0, 0, a, bb, 0, 0, 2 * Math.PI);
  g.stroke();
  if (spec.innerRing) {
    g.lineWidth = spec.ringMm * 0.35;
    g.beginPath();
    g.ellipse(0, 0, a - spec.ringMm * 1.3, bb - spec.ringMm * 1.3, 0, 0, 2 * Math.PI);
    g.stroke();
  }
  if (spec.star) {
    g.beginPath();
    starPoints(spec).forEach(([x, y], k) => (k ? g.lineTo(x, y) : g.moveTo(x, y)));
    g.closePath();
    g.fill();
  }
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  for (const c of placeChars(spec)) {
    g.save();
    g.translate(c.x, c.y);
    g.rotate(c.angle);
    g.font = `${c.sizeMm}px SealSerif`;
    g.fillText(c.char, 0, 0);
    g.restore();
  }
  if (uneven > 0) roughenInk(canvas, rng, uneven);
  return canvas;
}

/** Fades the ink unevenly: a few broad pale patches and fine speckled dropouts; strength 0..1. */
function roughenInk(canvas: Canvas, rng: Rng, strength: number): void {
  const g = canvas.getContext('2d');
  const img = g.getImageData(0, 0, canvas.width, canvas.height);
  const patches = Array.from({ length: 4 }, () => ({
    x: rng.range(0, canvas.width), y: rng.range(0, canvas.height), r: rng.range(0.2, 0.5) * canvas.width,
  }));
  for (let y = 0, i = 3; y < canvas.height; y++) {
    for (let x = 0; x < canvas.width; x++, i += 4) {
      if (!img.data[i]) continue;
      let keep = 1;
      for (const p of patches) keep *= 1 - strength * 0.5 * Math.max(0, 1 - Math.hypot(x - p.x, y - p.y) / p.r);
      if (rng.chance(strength * 0.15)) keep *= 0.2;
      img.data[i] = Math.round(img.data[i] * keep);
    }
  }
  g.putImageData(img, 0, 0);
}
