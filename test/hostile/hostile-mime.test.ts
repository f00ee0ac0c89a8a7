// Email structures built to wear out the MIME parser or the attachment readers: parts nested deep, hundreds of
// attachments, a header block of megabytes. Each ends in a verdict with a Chinese message.
import { describe, expect, it } from 'vitest';
import type { EmlAttachment } from '../fixtures/email-kit/compose-eml.ts';
import { check, countyEmail, errorOf, goodDocx, goodPdf } from './hostile-kit.ts';
import { onePagePdf } from './raw-pdf.ts';

/** The email's multipart body wrapped in `depth` more multipart/mixed levels, each holding only the level below. */
function nestedEmail(raw: Buffer, depth: number): Buffer {
  const text = raw.toString('latin1');
  const contentType = /^Content-Type: multipart\/mixed; boundary="[^"]+"\r\n/m;
  let body = `${contentType.exec(text)![0]}${text.slice(text.indexOf('\r\n\r\n'))}`;
  for (let level = depth; level > 0; level--) {
    body = `Content-Type: multipart/mixed; boundary="n${level}"\r\n\r\n--n${level}\r\n${body}\r\n--n${level}--\r\n`;
  }
  return Buffer.from(text.slice(0, text.indexOf('\r\n\r\n')).replace(contentType, '') + '\r\n' + body, 'latin1');
}

const tinyPdf = (i: number): EmlAttachment =>
  ({ filename: `扫描页${i}.pdf`, contentType: 'application/pdf', content: onePagePdf('', `BT ET % page ${i}`) });

describe('hostile email structures', () => {
  it('a filing nested 100 multipart levels deep is still found and accepted', async () => {
    const v = await check(nestedEmail(countyEmail([goodDocx(), goodPdf()]), 100));
    expect(v.decision).toBe('accept');
    expect(v.resources).toHaveLength(30);
  });

  it('an email nested 20,000 multipart levels deep still ends in a verdict: the filing inside is accepted', async () => {
    const v = await check(nestedEmail(countyEmail([goodDocx(), goodPdf()]), 20_000));
    expect(v.decision).toBe('accept');
  });

  it('an email of 1500 parts is beyond the parser and left for staff as not a submission, without a reply', async () => {
    const photos = Array.from({ length: 1500 }, (_, i) => ({ filename: `照片${i}.jpg`, contentType: 'image/jpeg', content: Buffer.from([i & 255]) }));
    const v = await check(countyEmail([goodDocx(), goodPdf(), ...photos]));
    expect(v.decision).toBe('ignore');
    expect(v.reply).toBeNull();
    expect(v.warnings[0]).toMatchObject({ code: 'NOT_A_SUBMISSION' });
    expect(v.warnings[0].message).toContain('MIME 分段超过 1000 个');
    expect(v.subject).toBe('湘阴县专题资源推荐表');
  });

  it('an email with 500 attachments reads the first ten Word and PDF files and returns the rest unread, in one message', async () => {
    const v = await check(countyEmail([goodDocx(), goodPdf(), ...Array.from({ length: 498 }, (_, i) => tinyPdf(i + 1))]));
    expect(v.decision).toBe('reject');
    expect(v.resources).toHaveLength(30);
    const unread = v.errors.filter((e) => e.code === 'UNREADABLE_ATTACHMENT');
    expect(unread).toHaveLength(1);
    expect(unread[0].message).toBe('附件未读取：本邮件的 Word 和 PDF 附件共 500 个，每封邮件最多读取 10 个，《扫描页9.pdf》等 490 个附件未读取。'
      + '请只发送推荐表的 Word 版和盖章 PDF，不要附带其他文件。');
  });

  it('a Word table sent behind 30 PDFs is read within the cap, not reported missing', async () => {
    const v = await check(countyEmail([...Array.from({ length: 29 }, (_, i) => tinyPdf(i + 1)), goodPdf(), goodDocx()]));
    expect(v.resources).toHaveLength(30);
    expect(errorOf(v, 'MISSING_WORD')).toBeUndefined();
    expect(errorOf(v, 'MISSING_PDF')).toBeUndefined();
    expect(errorOf(v, 'UNREADABLE_ATTACHMENT')!.message).toContain('共 31 个，每封邮件最多读取 10 个');
  });

  it('ten Word files and a PDF past them: the PDF is not read, and not reported missing either', async () => {
    const docx = goodDocx();
    const words = Array.from({ length: 10 }, (_, i) => ({ ...docx, filename: `推荐表${i + 1}.docx` }));
    const v = await check(countyEmail([...words, goodPdf()]));
    expect(errorOf(v, 'MISSING_PDF')).toBeUndefined();
    expect(errorOf(v, 'UNREADABLE_ATTACHMENT')!.message).toContain('共 11 个，每封邮件最多读取 10 个，《');
  });

  it('a header block of 5 MB is beyond the parser and left for staff as not a submission, naming sender and subject', async () => {
    const v = await check(countyEmail([goodDocx(), goodPdf()], { extraHeaders: Array.from({ length: 5000 }, (_, i) => `X-Filler-${i}: ${'x'.repeat(1000)}`) }));
    expect(v.decision).toBe('ignore');
    expect(v.reply).toBeNull();
    expect(v.warnings[0].message).toContain('邮件头超过 1 MB');
    expect(v.from).toBe('xyxjyj@126.com');
    expect(v.subject).toBe('湘阴县专题资源推荐表');
  });

  it('a header line of 900 KB, under the parser bound, does not stop an accepted filing', async () => {
    const v = await check(countyEmail([goodDocx(), goodPdf()], { extraHeaders: [`X-Long: ${'a'.repeat(900 * 1024)}`] }));
    expect(v.decision).toBe('accept');
    expect(errorOf(v, 'UNREADABLE_ATTACHMENT')).toBeUndefined();
  });

  it('an HTML-only body of a million nested tags is read in its first part (200,000 nested tags alone took 28 s): the filing beside it is accepted', async () => {
    const v = await check(countyEmail([goodDocx(), goodPdf()], { body: `${'<b><i>'.repeat(1_000_000)}湘阴县`, bodyStyle: 'html-utf8' }));
    expect(v.decision).toBe('accept');
  });
});
