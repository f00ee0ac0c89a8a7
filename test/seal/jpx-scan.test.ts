// A scan saved as JPEG 2000 (JPXDecode; some scanners and scan apps save so) is checked as its JPEG original is:
// pdf.js decodes it with the OpenJPEG it ships (found through PDFJS_DATA); without that the page renders blank, and a
// stamped colour scan would be sent back as a grey-scale one.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openPdf } from '../../src/pdf/open-pdf.ts';
import { findSeals, type SealCheck } from '../../src/seal/find-seals.ts';
import type { SealLabel } from '../fixtures/make-seal-corpus.ts';
import { JPX_DIR, JPX_SOURCES } from '../fixtures/make-jpx-scans.ts';

const SEAL_DIR = fileURLToPath(new URL('../fixtures/seal/', import.meta.url));
const labels = JSON.parse(readFileSync(join(SEAL_DIR, 'labels.json'), 'utf8')) as SealLabel[];

async function check(path: string): Promise<SealCheck> {
  const opened = await openPdf(readFileSync(path));
  try {
    return await findSeals(opened.document, path);
  } finally {
    await opened.close();
  }
}

describe('seal check on scans saved as JPEG 2000', () => {
  it('has stamped, grey-scale and trap scans to compare', () => {
    const kinds = JPX_SOURCES.map((file) => labels.find((l) => l.file === file)!);
    expect(kinds.some((l) => l.sealPages.length > 0)).toBe(true);
    expect(kinds.some((l) => l.greyscaleOnly)).toBe(true);
    expect(kinds.some((l) => l.kind.startsWith('trap-') && !l.greyscaleOnly)).toBe(true);
  });

  it.each(JPX_SOURCES)('%s: the JPX copy is found as labelled, its seals where the JPEG original has them', async (file) => {
    const label = labels.find((l) => l.file === file)!;
    const [original, jpx] = [await check(join(SEAL_DIR, file)), await check(join(JPX_DIR, file))];
    expect(jpx.stamps.map((s) => s.page)).toEqual(label.sealPages);
    expect(jpx.greyscaleOnly).toBe(label.greyscaleOnly);
    expect(jpx.stamps).toHaveLength(original.stamps.length);
    jpx.stamps.forEach((stamp, i) => stamp.box.forEach((v, k) => expect(Math.abs(v - original.stamps[i].box[k])).toBeLessThan(3)));
  }, 30_000);
});
