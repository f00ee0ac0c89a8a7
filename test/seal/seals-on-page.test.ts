// The ring finder on drawn pages: a seal whose ring touches a thick red rule (a 红头 document's double rule, which a
// low-resolution scan blurs into one band about 2 mm thick) is found once the rule is cleared.
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { sealsOnPage } from '../../src/seal/seals-on-page.ts';

/** Pixels per mm at the seal check's 72 dpi (one pixel a point). */
const PX_MM = 72 / 25.4;

/** An A4 landscape page at 72 dpi: a 36 mm seal (ring, star, arc of characters) whose ring sits on a red rule
 *  `ruleMm` thick, the rule sloped as in a scan turned by 1.7 degrees. */
function page(ruleMm: number, touching: boolean) {
  const [width, height] = [842, 595];
  const g = createCanvas(width, height).getContext('2d');
  g.fillStyle = 'rgb(250, 248, 244)';
  g.fillRect(0, 0, width, height);
  const red = 'rgb(215, 30, 105)';
  const [cx, cy, r] = [540, 80, 18 * PX_MM];
  g.strokeStyle = red;
  g.lineWidth = 1.15 * PX_MM;
  g.beginPath();
  g.arc(cx, cy, r - g.lineWidth / 2, 0, 2 * Math.PI);
  g.stroke();
  g.fillStyle = red;
  g.beginPath();
  for (let k = 0; k < 10; k++) {
    const a = -Math.PI / 2 + (k * Math.PI) / 5, rr = k % 2 ? 0.15 * r : 0.38 * r;
    g.lineTo(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
  }
  g.fill();
  g.font = `${Math.round(5 * PX_MM)}px sans-serif`;
  for (let k = 0; k < 7; k++) {
    const a = Math.PI * (1.15 + (k * 0.7) / 6);
    g.save();
    g.translate(cx + 0.7 * r * Math.cos(a), cy + 0.7 * r * Math.sin(a));
    g.rotate(a + Math.PI / 2);
    g.fillText('育', -7, 7);
    g.restore();
  }
  // The rule: the ring's lowest point on its upper edge, or 20 mm below it.
  g.save();
  g.translate(cx, cy + r + (touching ? 0 : 20 * PX_MM));
  g.rotate((-1.7 * Math.PI) / 180);
  g.fillRect(-cx - 20, 0, width + 40, ruleMm * PX_MM);
  g.restore();
  return { data: g.getImageData(0, 0, width, height).data, width, height };
}

describe('sealsOnPage', () => {
  it.each([1, 2, 2.2])('finds a seal whose ring sits on a red rule %s mm thick', (ruleMm) => {
    const { data, width, height } = page(ruleMm, true);
    const seals = sealsOnPage(data, width, height, 1);
    expect(seals).toHaveLength(1);
    // Within 2 mm of where it was drawn: what is left of the rule where it meets the ring may pull the fit.
    expect(Math.hypot(seals[0].ellipse.cx - 540, seals[0].ellipse.cy - 80)).toBeLessThan(2 * PX_MM);
  });

  it('finds the same seal with the rule well apart from it', () => {
    const { data, width, height } = page(2, false);
    expect(sealsOnPage(data, width, height, 1)).toHaveLength(1);
  });
});
