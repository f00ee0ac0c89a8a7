// MISSING_PDF / MISSING_WORD: the notice asks for the stamped PDF together with the Word file, in one email.
import { isPackage } from '../../attachments/packages.ts';
import { finding } from '../../messages/catalogue.ts';
import type { Check } from '../check.ts';

/** Said of an archive (or an encrypted email) whose files were not taken out: one the bot does not open (not a zip),
 *  one refused (a bomb, encrypted), or one beside attached Word or PDF files. */
const PACKED = '；压缩包、加密邮件等打包发送的文件未读取，请将Word版和盖章PDF直接作为邮件附件发送';

export const checkMissingFiles: Check = ({ email, words, pdfs, otherFiles, notRead }) => {
  const packed = email.attachments.some((a) => isPackage(a) && otherFiles.includes(a.filename));
  const found = otherFiles.length ? `（收到的附件：${otherFiles.map((f) => `《${f}》`).join('、')}${packed ? PACKED : ''}）` : '';
  return [
    ...(pdfs.length === 0 && !notRead?.pdf ? [finding('MISSING_PDF', { found })] : []),
    ...(words.length === 0 && !notRead?.word ? [finding('MISSING_WORD', { found })] : []),
  ];
};
