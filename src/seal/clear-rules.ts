// Clears red rules and table borders from the red-ink mask before blobs are formed, keeping a seal ring that crosses them.
import { inkedLines, spread } from './ink-blobs.ts';

/** Clears thin straight ink lines longer than maxRun, horizontal and vertical: red rules and table borders, which
 *  would otherwise join a seal they cross into one blob. A line stays within `drift` pixels of one row or column
 *  over the run (a scan is rotated by a few degrees) and is at most `thick` pixels across; where a seal's ring
 *  crosses it, the ring runs across the line, is thicker there, and is kept. A run bridges breaks of up to `gap`
 *  pixels: a heavily compressed scan keeps a thin line's red only in some JPEG colour blocks. */
export function clearLongRuns(
  mask: Uint8Array, width: number, height: number, line: { maxRun: number; drift: number; thick: number; gap: number },
): Uint8Array {
  const { maxRun, drift, thick, gap } = line;
  const out = mask.slice();
  const { rows, cols } = inkedLines(mask, width, height, drift);
  const tall = new Uint8Array(mask.length);
  for (let x = 0; x < width; x++) if (cols[x]) spread(mask, tall, x, width, height, drift);
  const wide = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) if (rows[y]) spread(mask, wide, y * width, 1, width, drift);
  const down = runLengths(mask, width, height, width, 1, cols);
  const across = runLengths(mask, width, height, 1, width, rows);
  const sweep = (band: Uint8Array, cross: Uint16Array, start: number, stride: number, length: number) => {
    let runStart = -1, lastOn = -1;
    for (let k = 0; k <= length; k++) {
      if (k < length && band[start + k * stride] === 1) {
        if (runStart < 0) runStart = k;
        lastOn = k;
      } else if (runStart >= 0 && (k === length || k - lastOn > gap)) {
        if (lastOn + 1 - runStart > maxRun) {
          for (let j = runStart; j <= lastOn; j++) if (cross[start + j * stride] <= thick) out[start + j * stride] = 0;
        }
        runStart = -1;
      }
    }
  };
  for (let y = 0; y < height; y++) if (rows[y]) sweep(tall, down, y * width, 1, width);
  for (let x = 0; x < width; x++) if (cols[x]) sweep(wide, across, x, width, height);
  return out;
}

/** For every ink pixel, the length of the ink run through it along one direction (step), lines `lineStep` apart;
 *  only the lines marked in `inked` are visited. */
function runLengths(mask: Uint8Array, width: number, height: number, step: number, lineStep: number, inked: Uint8Array): Uint16Array {
  const lengths = new Uint16Array(mask.length);
  const lines = step === 1 ? height : width, length = step === 1 ? width : height;
  for (let l = 0; l < lines; l++) {
    if (!inked[l]) continue;
    const start = l * lineStep;
    let runStart = -1;
    for (let k = 0; k <= length; k++) {
      const on = k < length && mask[start + k * step] === 1;
      if (on && runStart < 0) runStart = k;
      if (!on && runStart >= 0) {
        for (let j = runStart; j < k; j++) lengths[start + j * step] = Math.min(65535, k - runStart);
        runStart = -1;
      }
    }
  }
  return lengths;
}

/** clearLongRuns for a page turned by the angle whose tangent is `t`: the mask is sheared so the turned rules are
 *  level (each column shifted by -x·t rows) or upright (each row by +y·t columns), cleared there, and a pixel is kept
 *  only where both keep it. For a turn of a few degrees a shear is the turn to within a pixel along a rule. */
export function clearTurnedRuns(
  mask: Uint8Array, width: number, height: number, t: number, line: Parameters<typeof clearLongRuns>[3],
): Uint8Array {
  const level = new Shear(width, height, t, 'rows'), upright = new Shear(width, height, t, 'cols');
  const keptLevel = clearLongRuns(level.apply(mask), level.width, level.height, line);
  const keptUpright = clearLongRuns(upright.apply(mask), upright.width, upright.height, line);
  const out = new Uint8Array(mask.length);
  for (let p = mask.indexOf(1); p >= 0; p = mask.indexOf(1, p + 1)) {
    if (keptLevel[level.index(p)] && keptUpright[upright.index(p)]) out[p] = 1;
  }
  return out;
}

/** Each column shifted by -x·t rows ('rows'), or each row by +y·t columns ('cols'), into a mask just large enough. */
class Shear {
  readonly width: number;
  readonly height: number;
  private readonly offset: number;

  constructor(private readonly sourceWidth: number, sourceHeight: number, private readonly t: number, private readonly along: 'rows' | 'cols') {
    const span = Math.abs(Math.round((along === 'rows' ? sourceWidth - 1 : sourceHeight - 1) * t));
    this.width = along === 'rows' ? sourceWidth : sourceWidth + span;
    this.height = along === 'rows' ? sourceHeight + span : sourceHeight;
    // Shifts run from -span to 0 (rows, t > 0; cols, t < 0) or from 0 to span.
    this.offset = (along === 'rows') === t > 0 ? span : 0;
  }

  /** Where source pixel p lands. */
  index(p: number): number {
    const x = p % this.sourceWidth, y = (p - x) / this.sourceWidth;
    return this.along === 'rows'
      ? (y - Math.round(x * this.t) + this.offset) * this.width + x
      : y * this.width + x + Math.round(y * this.t) + this.offset;
  }

  apply(mask: Uint8Array): Uint8Array {
    const out = new Uint8Array(this.width * this.height);
    for (let p = mask.indexOf(1); p >= 0; p = mask.indexOf(1, p + 1)) out[this.index(p)] = 1;
    return out;
  }
}
