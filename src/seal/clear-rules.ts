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
