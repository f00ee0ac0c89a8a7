// MISSING_PDF / MISSING_WORD: the notice asks for the stamped PDF together with the Word file, in one email.
import { mayBeFilingFile } from '../../attachments/large-attachments.ts';
import { isPackage } from '../../attachments/packages.ts';
import { MAX_ATTACHMENT_BYTES } from '../../limits.ts';
import { finding } from '../../messages/catalogue.ts';
import type { Check } from '../check.ts';
import type { Submission } from '../submission.ts';

/** Said of an archive (or an encrypted email) whose files were not taken out: one the bot does not open (not a zip),
 *  one refused (a bomb, encrypted), or one beside attached Word or PDF files. */
const PACKED = '；压缩包、加密邮件等打包发送的文件未读取，请将Word版和盖章PDF直接作为邮件附件发送';
/** Said of files sent as a mail program's download links (超大附件): the bot fetches nothing from the internet. */
const LARGE = `：这类链接会过期，不能留作报送材料，请直接作为邮件附件发送，每个附件不超过${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB，`
  + '盖章页用彩色、200–300 dpi扫描一般只有几MB';

/** What the email held instead of the missing file, in brackets, or ''. */
function foundInstead({ email, otherFiles, largeAttachments }: Submission): string {
  const packed = email.attachments.some((a) => isPackage(a) && otherFiles.includes(a.filename));
  // A part without a name (a calendar invitation, an inline image) is no file the county chose; one sent twice is one.
  const named = [...new Set(otherFiles.filter(Boolean))];
  const attached = named.length ? `收到的附件：${named.map((f) => `《${f}》`).join('、')}${packed ? PACKED : ''}` : '';
  const large = largeAttachments.filter(mayBeFilingFile);
  const names = large.flatMap((l) => (l.name ? [`《${l.name}》`] : []));
  const linked = !large.length ? ''
    : names.length ? `${names.join('、')}${names.length < large.length ? '等' : ''}以超大附件（云附件）下载链接发送，未读取${LARGE}`
      : `邮件正文中的超大附件（云附件）下载链接未读取${LARGE}`;
  const parts = [attached, linked].filter(Boolean);
  return parts.length ? `（${parts.join('；')}）` : '';
}

export const checkMissingFiles: Check = (submission) => {
  const { words, pdfs, notRead } = submission;
  const found = foundInstead(submission);
  return [
    ...(pdfs.length === 0 && !notRead?.pdf ? [finding('MISSING_PDF', { found })] : []),
    ...(words.length === 0 && !notRead?.word ? [finding('MISSING_WORD', { found })] : []),
  ];
};
