// How far a page's red rules are turned from level: a page photographed by hand, or scanned crooked, turns a red-ruled
// table by more than the few degrees the rule clearing follows along a row, and its cells then pass for rings.

/** Turns looked at, either way (degrees): first in coarse steps, then in fine steps around the best coarse one. */
const MAX_SKEW_DEG = 8;
const COARSE_STEP_DEG = 1;
const FINE_STEP_DEG = 0.25;
/** Ink pixels looked at, at most: more says no more about the angle and costs time on a page heavy with red. */
const MAX_SAMPLES = 8_000;

/**
 * The tangent of the turn that lines the mask's strokes up best into rows and columns: after shifting each column by
 * -x·t rows (a turned horizontal line becomes level) and each row by +y·t columns (so does a turned vertical line),
 * the row and column counts are the most peaked (sum of squares). Pixels inside a filled area (ink `fill` pixels away
 * on all four sides: a red-brown desk around a photographed page, a block of colour) are left out: only strokes tell
 * the rules' angle. 0 when there are none.
 */
export function ruleSkew(mask: Uint8Array, width: number, height: number, fill: number): number {
  const strokes: number[] = [];
  for (let p = mask.indexOf(1); p >= 0; p = mask.indexOf(1, p + 1)) {
    // Beyond the picture's edge counts as ink: a desk running off the picture is filled up to its edge.
    const x = p % width, y = (p - x) / width;
    const inside = (x < fill || mask[p - fill]) && (x >= width - fill || mask[p + fill])
      && (y < fill || mask[p - fill * width]) && (y >= height - fill || mask[p + fill * width]);
    if (!inside) strokes.push(p);
  }
  if (strokes.length === 0) return 0;
  const step = Math.max(1, Math.ceil(strokes.length / MAX_SAMPLES));
  const xs = new Int32Array(Math.ceil(strokes.length / step)), ys = new Int32Array(xs.length);
  for (let k = 0, n = 0; k < strokes.length; k += step, n++) [xs[n], ys[n]] = [strokes[k] % width, (strokes[k] / width) | 0];
  // |t| < 1: a shift is less than the other side, so offsets of that side keep the indices in bounds.
  const rows = new Int32Array(height + 2 * width), cols = new Int32Array(width + 2 * height);
  const peak = (deg: number) => {
    const t = Math.tan((deg * Math.PI) / 180);
    rows.fill(0);
    cols.fill(0);
    for (let n = 0; n < xs.length; n++) {
      rows[ys[n] - Math.round(xs[n] * t) + width]++;
      cols[xs[n] + Math.round(ys[n] * t) + height]++;
    }
    let sum = 0;
    for (let i = 0; i < rows.length; i++) sum += rows[i] * rows[i];
    for (let i = 0; i < cols.length; i++) sum += cols[i] * cols[i];
    return sum;
  };
  const best = (from: number, to: number, step: number) => {
    let at = 0, most = -1;
    // Ties go to the smaller turn: a mask with no lines is left level.
    for (let deg = from; deg <= to + 1e-9; deg += step) {
      const sum = peak(deg);
      if (sum > most || (sum === most && Math.abs(deg) < Math.abs(at))) [at, most] = [deg, sum];
    }
    return at;
  };
  const coarse = best(-MAX_SKEW_DEG, MAX_SKEW_DEG, COARSE_STEP_DEG);
  return Math.tan((best(coarse - COARSE_STEP_DEG, coarse + COARSE_STEP_DEG, FINE_STEP_DEG) * Math.PI) / 180);
}
