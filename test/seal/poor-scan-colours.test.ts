// A scan too coarse or too compressed to trust its colours keeps its paper's cast when red ink is sought: taking the
// cast out there amplifies JPEG colour noise into red. The committed sample's scans are saved again smaller, as mail
// apps and "small PDF" settings shrink them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openPdf } from '../../src/pdf/open-pdf.ts';
import { findSeals } from '../../src/seal/find-seals.ts';
import { renderPage } from '../../src/seal/render-page.ts';
import { redrawnScan } from './corpus/redraw-scan.ts';

const sample = (file: string) => readFileSync(new URL(`../fixtures/seal/${file}`, import.meta.url));

async function checked(pdf: Uint8Array) {
  const opened = await openPdf(pdf);
  try {
    return { seals: await findSeals(opened.document, 'scan.pdf'), poorPage: (await renderPage(opened.document, 1)).poorScan };
  } finally {
    await opened.close();
  }
}

describe('seal check on scans saved again smaller', () => {
  it('takes a red-logo trap saved at 50 dpi and JPEG quality 40 for no seal, and asks for a better scan', async () => {
    const { seals, poorPage } = await checked(await redrawnScan(sample('236-trap-red-logo.pdf'), { dpi: 50, quality: 40 }));
    expect(poorPage).toBe(true);
    expect(seals.stamps).toEqual([]);
    expect(seals.poorScan).toEqual({ dpi: 50, quality: 40 });
  });

  it('still finds the seal of a stamped scan saved at 60 dpi and JPEG quality 85', async () => {
    const { seals, poorPage } = await checked(await redrawnScan(sample('071-stamped-scan.pdf'), { dpi: 60, quality: 85 }));
    expect(poorPage).toBe(true);
    expect(seals.stamps).toHaveLength(1);
  });

  it('takes the cast out of a scan clear enough to trust', async () => {
    const { poorPage } = await checked(sample('071-stamped-scan.pdf'));
    expect(poorPage).toBe(false);
  });
});
