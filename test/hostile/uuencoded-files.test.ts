// Files uuencoded into the body, as Outlook Express (its "uuencode" format) and old OA systems send them: taken out as
// attachments and the filing decided on them; a body of unended blocks is read in one pass.
import { describe, expect, it } from 'vitest';
import { uuencodedFiles } from '../../src/mail/uuencoded.ts';
import { check, countyEmail, goodDocx, goodPdf } from './hostile-kit.ts';

/** uuencode as the Unix tool writes it: 45 bytes a line, each six bits as 32 + bits, '`' for zero. */
function uuencode(name: string, data: Buffer): string {
  const char = (bits: number) => String.fromCharCode(bits === 0 ? 96 : 32 + bits);
  const lines = [];
  for (let at = 0; at < data.length; at += 45) {
    const chunk = data.subarray(at, at + 45);
    let line = char(chunk.length);
    for (let i = 0; i < chunk.length; i += 3) {
      const [a, b = 0, c = 0] = chunk.subarray(i, i + 3);
      line += char(a >> 2) + char(((a & 3) << 4) | (b >> 4)) + char(((b & 15) << 2) | (c >> 6)) + char(c & 63);
    }
    lines.push(line);
  }
  return [`begin 644 ${name}`, ...lines, '`', 'end'].join('\r\n');
}

describe('files uuencoded into the body', () => {
  it("decode the textbook example and leave the body's words", () => {
    const { text, files } = uuencodedFiles('请查收。\r\nbegin 644 cat.txt\r\n#0V%T\r\n`\r\nend\r\n湘阴县教育局');
    expect(files.map((f) => [f.filename, f.content.toString()])).toEqual([['cat.txt', 'Cat']]);
    expect(text).toBe('请查收。\r\n\r\n湘阴县教育局');
  });

  it('are the filing when nothing is attached: decided on the Word and PDF in the body', async () => {
    const body = ['刘老师：湘阴县专题资源推荐表见下。', uuencode(goodPdf().filename, goodPdf().content), uuencode(goodDocx().filename, goodDocx().content)].join('\r\n');
    const verdict = await check(countyEmail([], { body }));
    expect(verdict.decision).toBe('accept');
    expect(verdict.stamps!.map((s) => s.file)).toEqual(['湘阴县专题资源推荐表.pdf']);
  });

  it('a block never ended is not taken; a body of 100,000 begins with no end is read once', () => {
    expect(uuencodedFiles('begin 644 a.pdf\r\nM(5!$\r\n').files).toEqual([]);
    const begins = 'begin 644 a.pdf\n'.repeat(100_000);
    const { text, files } = uuencodedFiles(begins);
    expect(files).toEqual([]);
    expect(text).toBe(begins);
  });
});
