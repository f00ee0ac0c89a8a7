// The seal check of one PDF's bytes, the document closed afterwards: what most seal tests ask of findSeals.
import { openPdf } from '../../src/pdf/open-pdf.ts';
import { findSeals, type SealCheck, type SealCheckOptions } from '../../src/seal/find-seals.ts';

export async function sealCheckOf(pdf: Uint8Array, file = 'scan.pdf', options?: SealCheckOptions): Promise<SealCheck> {
  const opened = await openPdf(pdf);
  try {
    return await findSeals(opened.document, file, options);
  } finally {
    await opened.close();
  }
}
