// NO_STAMP: the PDF is the stamped copy; a filing needs an official seal on at least one of its PDFs.
import { finding } from '../../messages/catalogue.ts';
import type { Check } from '../check.ts';

export const checkStamp: Check = ({ pdfs }) => {
  const checked = pdfs.filter((p) => p.seals !== null);
  if (checked.length === 0 || checked.some((p) => p.seals!.found > 0)) return [];
  return checked.map((p) => finding('NO_STAMP', { file: p.file },
    { file: p.file, variant: p.seals!.greyscaleOnly ? 'NO_STAMP_GREYSCALE' : 'NO_STAMP' }));
};
