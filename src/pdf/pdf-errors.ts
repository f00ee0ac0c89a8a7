// Why a PDF attachment could not be read, as the short Chinese reason an UNREADABLE_ATTACHMENT finding carries.
import { ATTACHMENT_TIME_LIMIT_MS, MAX_ATTACHMENT_BYTES, MAX_PDF_PAGES, readTimeoutReason } from '../limits.ts';

const MB = 1024 * 1024;

export class PdfTooLargeError extends Error {
  constructor(readonly bytes: number) { super(`PDF of ${bytes} bytes is over ${MAX_ATTACHMENT_BYTES}`); this.name = 'PdfTooLargeError'; }
}
export class PdfTooManyPagesError extends Error {
  constructor(readonly pages: number) { super(`PDF of ${pages} pages is over ${MAX_PDF_PAGES}`); this.name = 'PdfTooManyPagesError'; }
}
export class PdfFontBombError extends Error {
  constructor() { super('an embedded CFF font is damaged past what pdf.js reads at a bounded cost'); this.name = 'PdfFontBombError'; }
}
export class PdfTimeLimitError extends Error {
  constructor() { super(`PDF not read within ${ATTACHMENT_TIME_LIMIT_MS} ms`); this.name = 'PdfTimeLimitError'; }
}

/** Never throws. A short reason without a final 。: the UNREADABLE_ATTACHMENT message adds what to do. */
export function describePdfError(err: unknown): string {
  const name = err instanceof Error ? err.name : '';
  const message = err instanceof Error ? err.message : String(err);
  if (err instanceof PdfTooLargeError) {
    return `PDF 文件大小为 ${(err.bytes / MB).toFixed(1)} MB，超过 ${MAX_ATTACHMENT_BYTES / MB} MB 的上限（可压缩图片或降低扫描分辨率）`;
  }
  if (err instanceof PdfTooManyPagesError) {
    return `PDF 共 ${err.pages} 页，超过 ${MAX_PDF_PAGES} 页的上限（推荐表 PDF 只需包含盖章的推荐表本身）`;
  }
  if (err instanceof PdfFontBombError) {
    return 'PDF 文件中嵌入的字体数据已损坏，无法读取';
  }
  if (err instanceof PdfTimeLimitError) {
    return readTimeoutReason(ATTACHMENT_TIME_LIMIT_MS);
  }
  if (name === 'PasswordException' || /password|encrypt/i.test(message)) {
    return 'PDF 文件设有密码或已加密，无法打开';
  }
  if (['InvalidPDFException', 'FormatError', 'MissingPDFException', 'UnknownErrorException'].includes(name)) {
    return 'PDF 文件已损坏或不完整（可能不是 PDF 或未传完），无法打开';
  }
  return 'PDF 文件无法读取';
}
