// PDF_WORD_MISMATCH: the stamped PDF's table must carry the Word table's titles (only judged from a text layer).
import { finding } from '../../messages/catalogue.ts';
import { formLabels } from '../../messages/form-labels.ts';
import type { Check } from '../check.ts';

const LISTED = 3;
/** The first few distinct titles, each once with its count where it repeats (a row copied 3,000 times is one). */
function quoteSome(titles: string[]): string {
  const counts = new Map<string, number>();
  for (const t of titles) counts.set(t, (counts.get(t) ?? 0) + 1);
  const shown = [...counts].slice(0, LISTED);
  const listed = shown.map(([t, n]) => (n > 1 ? `“${t}”（${n}条）` : `“${t}”`)).join('、');
  return shown.length < counts.size ? `${listed}等${titles.length}条` : listed;
}

export const checkPdfWordMismatch: Check = ({ campaign, words, pdfs, severalUnits }) => {
  const word = words.find((w) => w.ok && w.hasTable);
  // Several units' tables in one email are each compared with every PDF: the return asks for one email per unit.
  if (!word || severalUnits.length) return [];
  return pdfs.flatMap((pdf) => {
    if (!pdf.mismatch) return [];
    const { missingInPdf, extraInPdf } = pdf.mismatch;
    const details = [
      missingInPdf.length ? `Word中有、PDF中没有：${quoteSome(missingInPdf)}` : '',
      extraInPdf.length ? `PDF中有、Word中没有：${quoteSome(extraInPdf)}` : '',
    ].filter(Boolean).join('；');
    return [finding('PDF_WORD_MISMATCH', { ...formLabels(campaign), pdf: pdf.file, word: word.file, details }, { file: pdf.file })];
  });
};
