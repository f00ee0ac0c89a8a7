// Broken and hostile attachments end as ok:false with a short Chinese reason: no throw, no hang, no memory blow-up.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../src/limits.ts';
import { loadCampaign } from '../../src/rules/load-campaign.ts';
import { readWordTable } from '../../src/word/read-word-table.ts';
import { openBoundedZip } from '../../src/files/bounded-zip.ts';
import { writeOle } from './fixture-kit/write-ole.ts';
import { writeZip } from './fixture-kit/write-zip.ts';

const form = loadCampaign().form;
const read = (name: string, content?: Buffer) => readWordTable({ filename: name, contentType: 'application/msword',
  content: content ?? readFileSync(new URL(`../fixtures/word/${name}`, import.meta.url)) }, form);
const reasonOf = async (name: string, content?: Buffer) => {
  const reading = await read(name, content);
  if (reading.ok) throw new Error(`${name} was read as a table`);
  return reading.reason;
};

/** The county's sample form with its last table row copied `copies` more times: a file that zips small. */
async function withCopiedRows(copies: number): Promise<Buffer> {
  const zip = await openBoundedZip(readFileSync(new URL('../fixtures/word/湘阴县专题资源推荐表.docx', import.meta.url)));
  const entries = await Promise.all([...zip.entries].map(async ([name, entry]) => ({ name: String(name), data: await zip.inflate(entry) })));
  return writeZip(entries.map(({ name, data }) => {
    if (name !== 'word/document.xml') return { name, data };
    const xml = data.toString('utf8');
    const lastRow = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].at(-1)![0];
    return { name, data: Buffer.from(xml.replace(lastRow, lastRow.repeat(copies + 1)), 'utf8') };
  }));
}

describe('readWordTable refuses broken and hostile files with a reason', () => {
  it('refuses a file over the attachment limit before opening it, naming the limit in MB', async () => {
    const reason = await reasonOf('大文件.docx', Buffer.alloc(MAX_ATTACHMENT_BYTES + 1));
    expect(reason).toBe('文件大小 25.1 MB，超过 25 MB 的上限');
  });

  it('says a truncated .docx is damaged or incomplete', async () => {
    expect(await reasonOf('截断.docx')).toContain('损坏');
  });

  it('says random bytes named .docx are not a Word file', async () => {
    expect(await reasonOf('随机字节.docx')).toContain('不是 Word 文档');
  });

  it('refuses a zip bomb from its directory, before inflating anything', async () => {
    expect(await reasonOf('压缩炸弹.docx')).toContain('压缩炸弹');
  });

  it('refuses a zip whose entry inflates past the small size it declared', async () => {
    expect(await reasonOf('谎报大小.docx')).toContain('压缩炸弹');
  });

  it('says an encrypted .docx (OLE with EncryptionInfo and EncryptedPackage) is password-protected', async () => {
    expect(await reasonOf('加密.docx')).toContain('密码');
  });

  it('says a .doc with the fEncrypted bit set is password-protected', async () => {
    expect(await reasonOf('加密.doc')).toContain('密码');
  });

  it('says an OLE file without a WordDocument stream (an old Excel file, say) is not a Word file', async () => {
    expect(await reasonOf('表格.doc', writeOle([['Workbook', Buffer.alloc(5000, 1)]]))).toContain('不是 Word 文档');
  });

  it('refuses an OLE file whose sector chain loops instead of looping forever', async () => {
    const ole = writeOle([['WordDocument', Buffer.alloc(5000, 1)]]);
    // The stream's first sector (2) now points back at itself through sector 3.
    ole.writeUInt32LE(2, 512 + 3 * 4);
    ole.writeUInt32LE(3, 512 + 2 * 4);
    expect(await reasonOf('循环.doc', ole)).toContain('损坏');
  });

  it('refuses an OLE header that claims more allocation sectors than the file holds', async () => {
    const ole = writeOle([['WordDocument', Buffer.alloc(5000, 1)]]);
    ole.writeInt32LE(1_000_000, 44);
    expect(await reasonOf('巨表.doc', ole)).toContain('损坏');
  });

  it('says a plain text file named .doc is not a Word file', async () => {
    expect(await reasonOf('说明.doc', Buffer.from('请查收推荐表', 'utf8'))).toContain('不是 Word 文档');
  });

  it('refuses a .docx whose table was copied into thousands of rows before parsing it, saying what to remove', async () => {
    const bytes = await withCopiedRows(3000);
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const reason = await reasonOf('湘阴县专题资源推荐表.docx', bytes);
    expect(reason).toMatch(/^文件内容异常庞大（约 \d+ 万个排版元素，超过 20 万的上限；/);
    expect(reason).toContain('空行或重复行，请先删去多余的行');
  });

  it('still reads a long table (the form with 500 more rows) under that bound', async () => {
    const reading = await read('湘阴县专题资源推荐表.docx', await withCopiedRows(500));
    expect(reading.ok).toBe(true);
  });
});
