// The committed sample of the seal corpus: every stamped page is found (also seals over the ruled table and its
// text, and in heavily compressed scans), no seal is seen on the traps (red header, red rules, red table text, red
// handwriting, small logos, tinted paper, a draft's watermark), grey-scale scans are told; seals and marks put on as annotations over an
// exported page or a scan are judged as those drawn into it, and so are seal pictures shaped by a soft mask or drawn
// as a Type3 font's glyph.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openPdf } from '../../src/pdf/open-pdf.ts';
import { findSeals } from '../../src/seal/find-seals.ts';
import { paintsOnlyGrey } from '../../src/seal/skip-neutral-text.ts';
import { pageOperators } from '../../src/pdf/page-operators.ts';
import type { SealLabel } from '../fixtures/make-seal-corpus.ts';

const dir = new URL('../fixtures/seal/', import.meta.url);
const labels = JSON.parse(readFileSync(new URL('labels.json', dir), 'utf8')) as SealLabel[];

describe('seal check on the committed corpus sample', () => {
  it('holds stamped PDFs of every form and traps of every kind', () => {
    const kinds = new Set(labels.map((l) => `${l.kind}/${l.form}`));
    expect(kinds).toContain('stamped-electronic/electronic');
    expect(kinds).toContain('stamped-scan/scan');
    expect(kinds).toContain('stamped-vector/vector');
    expect(kinds).toContain('trap-grey-scan-with-seal/scan');
    for (const form of ['electronic', 'vector', 'scan']) expect(kinds).toContain(`stamped-over-table/${form}`);
    expect(kinds).toContain('stamped-compressed-scan/scan');
    expect(kinds).toContain('trap-compressed-scan/scan');
    for (const form of ['electronic', 'scan']) for (const kind of ['stamped-annotation', 'trap-annotation']) expect(kinds).toContain(`${kind}/${form}`);
    for (const kind of ['stamped-soft-mask', 'trap-soft-mask', 'stamped-type3-glyph', 'trap-type3-glyph']) expect(kinds).toContain(`${kind}/electronic`);
    for (const kind of ['trap-watermark/scan', 'trap-watermark/electronic', 'stamped-watermark/scan']) expect(kinds).toContain(kind);
    expect(labels.filter((l) => l.kind.startsWith('trap-')).length).toBeGreaterThanOrEqual(10);
  });

  it.each(labels.map((l) => [l.file, l] as const))('%s: seals on exactly the labelled pages', async (_, label) => {
    const opened = await openPdf(readFileSync(new URL(label.file, dir)));
    try {
      const check = await findSeals(opened.document, label.file);
      const pages = [...new Set(check.stamps.map((s) => s.page))].sort();
      expect(pages).toEqual(label.sealPages);
      expect(check.greyscaleOnly).toBe(label.greyscaleOnly);
      expect(check.pagesChecked).toBe(label.pages);
      for (const stamp of check.stamps) {
        expect(stamp.file).toBe(label.file);
        expect(stamp.score).toBeGreaterThan(0);
        expect(stamp.score).toBeLessThanOrEqual(1);
        expect(stamp.box[2]).toBeGreaterThan(40);
      }
    } finally {
      await opened.close();
    }
  }, 30_000);

  // In the pipeline a page's operators are read for its table first, and a page they show paints only grey is not
  // drawn for the seal check: no sealed page may be taken for one.
  it('no page with a seal is taken for grey-only from its operators', async () => {
    for (const label of labels.filter((l) => l.sealPages.length)) {
      const opened = await openPdf(readFileSync(new URL(label.file, dir)));
      try {
        for (const number of label.sealPages) {
          const page = await opened.document.getPage(number);
          expect(paintsOnlyGrey(page, await pageOperators(page)), `${label.file} p${number}`).toBe(false);
        }
      } finally {
        await opened.close();
      }
    }
  }, 120_000);
});
