// MISSING_PDF / MISSING_WORD: the notice asks for the stamped PDF together with the Word file, in one email.
import { finding } from '../../messages/catalogue.ts';
import type { Check } from '../check.ts';

export const checkMissingFiles: Check = ({ words, pdfs, otherFiles }) => {
  const found = otherFiles.length ? `（收到的附件：${otherFiles.map((f) => `《${f}》`).join('、')}）` : '';
  return [
    ...(pdfs.length === 0 ? [finding('MISSING_PDF', { found })] : []),
    ...(words.length === 0 ? [finding('MISSING_WORD', { found })] : []),
  ];
};
