// UNREADABLE_ATTACHMENT: a Word or PDF file that could not be opened, each named with its reason; and the files past
// the per-email cap, named together.
import { finding } from '../../messages/catalogue.ts';
import { MAX_FILES_READ } from '../../limits.ts';
import type { Check } from '../check.ts';

export const checkUnreadable: Check = ({ words, pdfs, notRead }) => [
  ...words.flatMap((w) => (w.ok ? [] : [finding('UNREADABLE_ATTACHMENT',
    { file: w.file, reason: w.reason, advice: '用Word另存为.docx格式（不要设置密码）' }, { file: w.file })])),
  ...pdfs.flatMap((p) => (p.unreadable === null ? [] : [finding('UNREADABLE_ATTACHMENT',
    { file: p.file, reason: p.unreadable, advice: '重新导出或扫描为PDF（不要加密或设置密码）' }, { file: p.file })])),
  // Files past the per-email cap are fine as far as anyone knows: the county is asked to send fewer, not to repair them.
  ...(notRead ? [finding('UNREADABLE_ATTACHMENT',
    { first: notRead.first, count: notRead.count, total: notRead.total, max: MAX_FILES_READ },
    { file: notRead.first, variant: 'UNREADABLE_ATTACHMENT_NOT_READ' })] : []),
];
