// A drawn seal for the seal check's tests: ring, star and an arc of characters, as simple canvas drawing (no CJK
// font needed: a missing glyph still inks its box).
import type { SKRSContext2D } from '@napi-rs/canvas';

/** A pixel a point: the seal check's 72 dpi. */
const PT_PX_MM = 72 / 25.4;
/** Where a character is drawn from, back from its centre along both axes (7 pixels at 72 dpi). */
const CHAR_OFFSET_MM = 7 / PT_PX_MM;

/** The seal's parts: a star in the middle and an arc of characters along the ring (at 70 % of the radius, or
 *  close under the ring as on a seal with no star and no title), a bare ring, or a ring and a star. */
export type SealParts = 'star and arc' | 'arc only' | 'ring only' | 'star only';

/** Draws the seal centred at (cx, cy), `r` pixels in radius, at `pxPerMm` (by default a pixel a point). */
export function drawSeal(
  g: SKRSContext2D, red: string, cx: number, cy: number, r: number, parts: SealParts, ringMm: number, pxPerMm = PT_PX_MM,
) {
  g.strokeStyle = red;
  g.lineWidth = ringMm * pxPerMm;
  g.beginPath();
  g.arc(cx, cy, r - g.lineWidth / 2, 0, 2 * Math.PI);
  g.stroke();
  g.fillStyle = red;
  if (parts === 'star and arc' || parts === 'star only') {
    g.beginPath();
    for (let k = 0; k < 10; k++) {
      const a = -Math.PI / 2 + (k * Math.PI) / 5, rr = k % 2 ? 0.15 * r : 0.38 * r;
      g.lineTo(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
    }
    g.fill();
  }
  if (parts === 'ring only' || parts === 'star only') return;
  // A unit's full name runs over some 240 degrees close under the ring; the short arc (7 characters) sits further in.
  const [at, sizeMm, count, from, span] = parts === 'arc only' ? [0.84, 4, 12, 0.85, 1.3] : [0.7, 5, 7, 1.15, 0.7];
  g.font = `${Math.round(sizeMm * pxPerMm)}px sans-serif`;
  for (let k = 0; k < count; k++) {
    const a = Math.PI * (from + (k * span) / (count - 1));
    g.save();
    g.translate(cx + at * r * Math.cos(a), cy + at * r * Math.sin(a));
    g.rotate(a + Math.PI / 2);
    g.fillText('育', -CHAR_OFFSET_MM * pxPerMm, CHAR_OFFSET_MM * pxPerMm);
    g.restore();
  }
}
