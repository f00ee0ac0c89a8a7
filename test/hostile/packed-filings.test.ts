// A filing packed instead of attached: the Word and PDF in a .zip (names in GBK as Windows writes them, or UTF-8),
// in Outlook's winmail.dat, or the county's email forwarded as an attachment, is decided on the files inside; an archive the bot cannot open
// (RAR, an encrypted email) is returned saying to attach the files directly, not left unanswered as "not a filing";
// a zip bomb is not inflated; an archive from a stranger that says nothing of the campaign is still left alone.
import { describe, expect, it } from 'vitest';
import { check, countyEmail, goodDocx, goodPdf } from './hostile-kit.ts';
import { writeZip } from '../word/fixture-kit/write-zip.ts';
import { writeTnef } from './write-tnef.ts';

const ZIP = 'application/zip';
const filing = () => [goodDocx(), goodPdf()].map((f) => ({ name: `推荐表/${f.filename}`, data: f.content }));
const codes = (errors: { code: string }[]) => errors.map((e) => e.code);

/** The county's own email, forwarded by another mailbox as an attachment: sent 8-bit, as mail programs do, or base64
 *  (an 8-bit email in an email mailparser reads through in one go; an encoded one is opened level by level). */
function forwardedAsAttachment(original: Buffer, encoding: '8bit' | 'base64' = '8bit'): Buffer {
  return Buffer.concat([Buffer.from([
    'From: =?UTF-8?B?5bGA6ZW/?= <leader@126.com>', 'To: yysyj@126.com', 'Subject: =?UTF-8?B?6L2s5Y+R77ya5rmY6Zi05Y6/5LiT6aKY6LWE5rqQ5o6o6I2Q6KGo?=',
    'Date: Fri, 1 Jul 2022 10:05:00 +0800', 'Message-ID: <forward@126.com>', 'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="outer"', '', '--outer', 'Content-Type: text/plain; charset=UTF-8', '', 'forwarded', '--outer',
    'Content-Type: message/rfc822; name="original.eml"', 'Content-Disposition: attachment; filename="original.eml"', `Content-Transfer-Encoding: ${encoding}`, '', '',
  ].join('\r\n')), encoding === 'base64' ? Buffer.from(original.toString('base64').replace(/.{76}/g, '$&\r\n')) : original,
  Buffer.from('\r\n--outer--\r\n')]);
}

describe('a filing packed in an archive or an attached email', () => {
  it.each(['gbk', 'utf8'] as const)('a .zip of the Word and PDF (names in %s) is decided on its files', async (names) => {
    const verdict = await check(countyEmail([{ filename: '湘阴县推荐表.zip', contentType: ZIP, content: writeZip(filing(), names) }]));
    expect(verdict.decision).toBe('accept');
    expect(verdict.resources.length).toBeGreaterThan(0);
    expect(verdict.stamps!.map((s) => s.file)).toEqual(['湘阴县推荐表.zip/湘阴县专题资源推荐表.pdf']);
  });

  it("a Mac's resource-fork twins in the zip are not taken for the files", async () => {
    const forks = filing().map((f) => ({ name: `__MACOSX/推荐表/._${f.name.split('/')[1]}`, data: Buffer.from('Mac OS X        ATTR') }));
    const verdict = await check(countyEmail([{ filename: '湘阴县推荐表.zip', contentType: ZIP, content: writeZip([...filing(), ...forks]) }]));
    expect(verdict.decision).toBe('accept');
  });

  it('the county email forwarded as an attachment is decided on the files it carries', async () => {
    const verdict = await check(forwardedAsAttachment(countyEmail([goodDocx(), goodPdf()])));
    expect(verdict.decision).toBe('accept');
    expect(verdict.unit).toBe('湘阴县');
  });

  it.each(['attribute', 'property'] as const)("Outlook's winmail.dat (files in its %s) is decided on the files it wraps", async (dataIn) => {
    const winmail = writeTnef([goodPdf(), goodDocx()].map((f) => ({ name: f.filename, content: f.content, dataIn })));
    const verdict = await check(countyEmail([{ filename: 'winmail.dat', contentType: 'application/ms-tnef', content: winmail }]));
    expect(verdict.decision).toBe('accept');
    expect(verdict.resources.length).toBeGreaterThan(0);
    expect(verdict.stamps!.map((s) => s.file)).toEqual(['winmail.dat/湘阴县专题资源推荐表.pdf']);
  });

  it('a winmail.dat cut short gives the files before the cut: returned for the one cut off', async () => {
    const winmail = writeTnef([goodPdf(), goodDocx()].map((f) => ({ name: f.filename, content: f.content })));
    const cut = winmail.subarray(0, winmail.length - goodDocx().content.length / 2);
    const verdict = await check(countyEmail([{ filename: 'winmail.dat', contentType: 'application/ms-tnef', content: cut }]));
    expect(codes(verdict.errors)).toEqual(['MISSING_WORD']);
  });

  it.each([
    ['湘阴县推荐表.rar', 'application/x-rar-compressed'],
    ['smime.p7m', 'application/pkcs7-mime'],
    ['winmail.dat', 'application/ms-tnef'],
  ])('%s, which cannot be opened, is returned asking for the files attached directly', async (filename, contentType) => {
    const verdict = await check(countyEmail([{ filename, contentType, content: Buffer.from('Rar!\x1a\x07\x00 not opened here') }]));
    expect(verdict.decision).toBe('reject');
    expect(codes(verdict.errors)).toEqual(['MISSING_PDF', 'MISSING_WORD']);
    expect(verdict.errors[0].message).toContain(`《${filename}》`);
    expect(verdict.errors[0].message).toContain('直接作为邮件附件发送');
    expect(verdict.reply).not.toBeNull();
  });

  it('beside an attached table and PDF a zip is something else (the resources themselves): not opened', async () => {
    const resources = writeZip([{ name: '课件/第一课.pdf', data: Buffer.from('%PDF-1.4 not a stamped table') }, { name: '课件/教案.docx', data: Buffer.from('no table') }]);
    const verdict = await check(countyEmail([goodDocx(), goodPdf(), { filename: '资源课件.zip', contentType: ZIP, content: resources }]));
    expect(verdict.decision).toBe('accept');
  });

  it('the Word file zipped beside a loose PDF: returned for the Word file, saying to attach it directly', async () => {
    const zipped = writeZip([{ name: goodDocx().filename, data: goodDocx().content }]);
    const verdict = await check(countyEmail([{ filename: '推荐表.zip', contentType: ZIP, content: zipped }, goodPdf()]));
    expect(codes(verdict.errors)).toEqual(['MISSING_WORD']);
    expect(verdict.errors[0].message).toContain('直接作为邮件附件发送');
  });

  it('attached emails, each encoded, are opened three deep, no deeper (an email in an email in an email ...)', async () => {
    const nested = (levels: number) => Array.from({ length: levels })
      .reduce<Buffer>((inner) => forwardedAsAttachment(inner, 'base64'), countyEmail([goodDocx(), goodPdf()]));
    expect((await check(nested(3))).decision).toBe('accept');
    expect((await check(nested(4))).decision).toBe('ignore');
  });

  it('a zip of many Word files is read as far as the per-email cap, the rest named unread', async () => {
    const many = writeZip(Array.from({ length: 14 }, (_, i) => ({ name: `表${i + 1}.docx`, data: goodDocx().content })));
    const verdict = await check(countyEmail([{ filename: '推荐表.zip', contentType: ZIP, content: many }]));
    expect(verdict.errors.find((e) => e.code === 'UNREADABLE_ATTACHMENT')?.message).toContain('每封邮件最多读取 10 个');
  });

  it('a zip bomb is not inflated: returned as the package it is', async () => {
    const bomb = writeZip([{ name: '推荐表.docx', data: Buffer.alloc(1024), declaredSize: 500 * 1024 * 1024 }]);
    const verdict = await check(countyEmail([{ filename: '推荐表.zip', contentType: ZIP, content: bomb }]));
    expect(codes(verdict.errors)).toEqual(['MISSING_PDF', 'MISSING_WORD']);
    expect(verdict.errors[0].message).toContain('《推荐表.zip》');
  });

  it('an attached email holding no Word or PDF file (a question forwarded) is left for staff, not returned', async () => {
    const question = countyEmail([], { subject: '关于专题资源推荐表填写的问题', body: '请问资源格式一栏怎么填？' });
    const verdict = await check(forwardedAsAttachment(question));
    expect(verdict.decision).toBe('ignore');
    expect(codes(verdict.warnings)).toEqual(['NOT_A_SUBMISSION']);
  });

  it("a stranger's archive that says nothing of the campaign is left for staff", async () => {
    const verdict = await check(countyEmail([{ filename: '照片.rar', contentType: 'application/x-rar-compressed', content: Buffer.from('Rar!') }],
      { subject: '周末聚会照片', body: '照片在附件里。' }));
    expect(verdict.decision).toBe('ignore');
    expect(codes(verdict.warnings)).toEqual(['NOT_A_SUBMISSION']);
  });
});
