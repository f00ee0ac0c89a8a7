// A Word zip bomb and 50 MB attachments (built in memory), each in a county's email through checkEmail: refused
// before anything is inflated or opened, with a message that says why and names the limit in MB.
import { describe, expect, it } from 'vitest';
import { check, countyEmail, DOCX_TYPE, errorOf, fixtureFile, goodDocx, goodPdf } from './hostile-kit.ts';

const MB = 1024 * 1024;
/** A 50 MB attachment is a 68 MB email in base64; parsing it takes seconds, more on a busy machine. */
const PARSING_68_MB = 180_000;
/** 50 MB that starts like the file type it claims to be. */
const fiftyMb = (magic: string) => Buffer.concat([Buffer.from(magic, 'latin1'), Buffer.alloc(50 * MB - magic.length, 0x20)]);

describe('bombs and oversized attachments', () => {
  it('a .docx zip bomb is refused as a suspected decompression bomb, the stamped PDF still checked', async () => {
    const v = await check(countyEmail([{ filename: '湘阴县推荐表.docx', contentType: DOCX_TYPE, content: fixtureFile('word/压缩炸弹.docx') }, goodPdf()]));
    expect(v.decision).toBe('reject');
    expect(errorOf(v, 'UNREADABLE_ATTACHMENT')?.message).toContain('《湘阴县推荐表.docx》文件解压后体积异常巨大（疑似压缩炸弹）');
    expect(errorOf(v, 'NO_STAMP')).toBeUndefined();
  });

  it('a 50 MB PDF is refused unopened, the message naming its size and the 25 MB limit', async () => {
    const v = await check(countyEmail([goodDocx(), { filename: '扫描件.pdf', contentType: 'application/pdf', content: fiftyMb('%PDF-1.7\n') }]));
    expect(v.decision).toBe('reject');
    expect(errorOf(v, 'UNREADABLE_ATTACHMENT')?.message).toContain('PDF 文件大小为 50.0 MB，超过 25 MB 的上限');
    expect(v.resources).toHaveLength(30);
  }, PARSING_68_MB);

  it('a 50 MB Word file is refused unopened, the message naming its size and the 25 MB limit', async () => {
    const v = await check(countyEmail([{ filename: '推荐表.docx', contentType: DOCX_TYPE, content: fiftyMb('PK\x03\x04') }, goodPdf()]));
    expect(v.decision).toBe('reject');
    expect(errorOf(v, 'UNREADABLE_ATTACHMENT')?.message).toContain('文件大小 50 MB，超过 25 MB 的上限');
  }, PARSING_68_MB);
});
