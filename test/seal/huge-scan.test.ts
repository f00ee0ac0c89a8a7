// A scan over the bound on images decoded whole (50 million pixels): a sequential JPEG is read at an eighth of its
// size and its seal found (an outside examiner's 720 dpi scan was answered NO_STAMP, its picture skipped unseen).
import { describe, expect, it } from 'vitest';
import { fixtureFile } from '../hostile/hostile-kit.ts';
import { sealCheckOf } from './seal-check-of.ts';

describe('scans over the bound on images decoded whole', () => {
  it('a stamped 720 dpi scan (one 8419 × 5953 JPEG) is read at an eighth of its size and its seal found', async () => {
    const check = await sealCheckOf(fixtureFile('pdf/scan-720dpi-stamped.pdf'));
    expect(check.stamps).toHaveLength(1);
    // The seal is drawn 42 mm across (119 pt) with its centre 60 mm from the left, 45 mm from the top.
    const [x, y, w] = check.stamps[0].box;
    expect({ page: check.stamps[0].page, x: Math.round(x / 10), y: Math.round(y / 10), w: Math.round(w / 10) })
      .toEqual({ page: 1, x: 11, y: 7, w: 12 });
  });
});
