// Attachment names that try to reach outside a folder or break a line: `../`, absolute paths, control characters,
// 300 characters. They are text in the verdict and the reply only; the archive names files by content hash.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { archiveEmail } from '../../src/archive/archive-email.ts';
import type { Verdict } from '../../src/types.ts';
import { check, countyEmail, DOCX_TYPE, fixtureFile, goodDocx, goodPdf } from './hostile-kit.ts';

const HOSTILE_NAMES = ['../../../etc/湘阴县推荐表.docx', '/etc/passwd/湘阴县推荐表.pdf', 'C:\\Windows\\System32\\推荐表.docx',
  '推荐表\u0000\u0007\r\nBcc: x@evil.test\r\n.pdf', `${'湘'.repeat(296)}.pdf`];

const broken = (filename: string) => ({ filename, contentType: 'application/pdf', content: fixtureFile('pdf/truncated.pdf') });

/** The good filing under hostile names, plus a damaged PDF per hostile name so the names appear in findings. */
function hostileEmail(): Buffer {
  return countyEmail([
    { ...goodDocx(), filename: HOSTILE_NAMES[0] },
    { ...goodPdf(), filename: HOSTILE_NAMES[1] },
    { filename: HOSTILE_NAMES[2], contentType: DOCX_TYPE, content: fixtureFile('word/截断.docx') },
    broken(HOSTILE_NAMES[3]), broken(HOSTILE_NAMES[4]),
  ]);
}

let verdict: Promise<Verdict> | undefined;
/** One check shared by the tests on the verdict and the reply. */
const decided = () => (verdict ??= check(hostileEmail()));

const root = mkdtempSync(join(tmpdir(), 'hostile-names-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every file under a folder, as paths relative to it. */
const filesUnder = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile()).map((d) => join(d.parentPath, d.name).slice(dir.length + 1));

describe('hostile attachment names', () => {
  it('are read as the files they are: the table is read, each damaged file is named in one-line findings', async () => {
    const v = await decided();
    expect(v.decision).toBe('reject');
    expect(v.resources).toHaveLength(30);
    expect(v.errors.map((e) => e.code)).toEqual(['UNREADABLE_ATTACHMENT', 'UNREADABLE_ATTACHMENT', 'UNREADABLE_ATTACHMENT']);
    for (const e of v.errors) expect(e.message).not.toMatch(/[\r\n\u0000-\u0008]/);
    expect(v.errors[2].message).toContain(`${'湘'.repeat(296)}.pdf`);
  });

  it('leave the reply with one subject line and a body whose only control characters are line ends', async () => {
    const { reply } = await decided();
    expect(reply!.to).toBe('xyxjyj@126.com');
    expect(reply!.subject).toBe('【退回】湘阴县专题资源推荐表');
    expect(reply!.text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(reply!.text).not.toMatch(/^Bcc:/m);
  });

  it('never reach the disk: the archive stores the email under its hash, inside the data folder', async () => {
    const dataDir = join(root, 'data');
    const { archivePath } = await archiveEmail(dataDir, hostileEmail());
    expect(archivePath).toMatch(/^archive\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}\.eml$/);
    expect(resolve(dataDir, archivePath).startsWith(resolve(dataDir) + sep)).toBe(true);
    expect(readdirSync(root)).toEqual(['data']);
    expect(filesUnder(dataDir)).toEqual([archivePath]);
  });
});
