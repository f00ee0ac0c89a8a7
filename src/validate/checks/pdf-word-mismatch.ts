// PDF_WORD_MISMATCH: the stamped PDF's table must carry the Word table's titles (only judged from a text layer).
import { finding } from '../../messages/catalogue.ts';
import type { Check } from '../check.ts';

const LISTED = 3;
const quoteSome = (titles: string[]) =>
  titles.slice(0, LISTED).map((t) => `“${t}”`).join('、') + (titles.length > LISTED ? `等${titles.length}条` : '');

export const checkPdfWordMismatch: Check = ({ words, pdfs, severalUnits }) => {
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
    return [finding('PDF_WORD_MISMATCH', { pdf: pdf.file, word: word.file, details }, { file: pdf.file })];
  });
};
