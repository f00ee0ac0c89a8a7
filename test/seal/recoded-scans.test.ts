// A scan saved otherwise than as an RGB or grey JPEG is checked as its JPEG original is. JPEG 2000 (JPXDecode; some
// scanners and scan apps save so): pdf.js decodes it with the OpenJPEG it ships (found through PDFJS_DATA); without
// that the page renders blank, and a stamped colour scan would be sent back as a grey-scale one. CMYK JPEG as
// Photoshop and print-minded scan software write it (inverted, undone by /Decode): left to pdf.js, which honours the
// Decode array that a native JPEG decoder would ignore (the page would come out as a negative).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SealCheck } from '../../src/seal/find-seals.ts';
import type { SealLabel } from '../fixtures/make-seal-corpus.ts';
import { CMYK_DIR, CMYK_SOURCES, JPX_DIR, JPX_SOURCES } from '../fixtures/make-recoded-scans.ts';
import { sealCheckOf } from './seal-check-of.ts';

const SEAL_DIR = fileURLToPath(new URL('../fixtures/seal/', import.meta.url));
const labels = JSON.parse(readFileSync(join(SEAL_DIR, 'labels.json'), 'utf8')) as SealLabel[];

const check = (path: string): Promise<SealCheck> => sealCheckOf(readFileSync(path), path);

describe.each([
  ['JPEG 2000', JPX_DIR, JPX_SOURCES], ['CMYK JPEG', CMYK_DIR, CMYK_SOURCES],
])('seal check on scans saved as %s', (_, dir, sources) => {
  it('has stamped and trap scans to compare', () => {
    const kinds = sources.map((file) => labels.find((l) => l.file === file)!);
    expect(kinds.some((l) => l.sealPages.length > 0)).toBe(true);
    expect(kinds.some((l) => l.kind.startsWith('trap-') && !l.greyscaleOnly)).toBe(true);
  });

  it.each(sources)('%s: the copy is found as labelled, its seals where the JPEG original has them', async (file) => {
    const label = labels.find((l) => l.file === file)!;
    const [original, copy] = [await check(join(SEAL_DIR, file)), await check(join(dir, file))];
    expect(copy.stamps.map((s) => s.page)).toEqual(label.sealPages);
    expect(copy.greyscaleOnly).toBe(label.greyscaleOnly);
    expect(copy.stamps).toHaveLength(original.stamps.length);
    // Within 5 pt (2 mm): the CMYK conversion shifts the faintest pixels at a compressed ring's edge.
    copy.stamps.forEach((stamp, i) => stamp.box.forEach((v, k) => expect(Math.abs(v - original.stamps[i].box[k])).toBeLessThan(5)));
  }, 30_000);
});
