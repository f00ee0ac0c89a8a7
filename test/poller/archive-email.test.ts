// The raw-email archive: names from the email's identity, atomic writes, idempotent storing, no reading outside
// DATA_DIR; and that identity, the same for one message delivered twice.
import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { archiveEmail, readArchivedEmail } from '../../src/archive/archive-email.ts';
import { emailIdOf } from '../../src/service/jobs.ts';
import { tempDirForTest } from '../temp-dir.ts';

const raw = Buffer.from('From: a@county.test\r\nSubject: =?UTF-8?B?Li4vLi4vZXRjL3Bhc3N3ZA==?=\r\n\r\nbody\r\n');
let dataDir: string;

beforeEach(async () => {
  dataDir = tempDirForTest('archive-test-');
});

describe('archiving a raw email', () => {
  it('stores it under archive/ab/cd/<emailId>.eml, named by its hash and not by anything in the email', async () => {
    const { emailId, archivePath } = await archiveEmail(dataDir, raw);
    expect(emailId).toBe(emailIdOf(raw));
    expect(archivePath).toBe(`archive/${emailId.slice(0, 2)}/${emailId.slice(2, 4)}/${emailId}.eml`);
    expect(await readArchivedEmail(dataDir, archivePath)).toEqual(raw);
  });

  it('leaves no temp file behind, only the finished message', async () => {
    const { archivePath } = await archiveEmail(dataDir, raw);
    expect(await readdir(dirname(join(dataDir, archivePath)))).toEqual([archivePath.split('/').pop()]);
  });

  it('storing the same bytes again returns the same path and does not rewrite the file', async () => {
    const first = await archiveEmail(dataDir, raw);
    const before = await stat(join(dataDir, first.archivePath));
    const again = await archiveEmail(dataDir, Buffer.from(raw));
    const after = await stat(join(dataDir, again.archivePath));
    expect(again).toEqual(first);
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(before.mtimeMs);
  });

  it('many concurrent stores of one email end as one complete file', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => archiveEmail(dataDir, raw)));
    expect(new Set(results.map((result) => result.archivePath)).size).toBe(1);
    const folder = dirname(join(dataDir, results[0].archivePath));
    expect(await readdir(folder)).toHaveLength(1);
    expect(await readArchivedEmail(dataDir, results[0].archivePath)).toEqual(raw);
  });

  it('different bytes get different files', async () => {
    const other = await archiveEmail(dataDir, Buffer.concat([raw, Buffer.from('x')]));
    const first = await archiveEmail(dataDir, raw);
    expect(other.archivePath).not.toBe(first.archivePath);
  });
});

describe('reading an archived email back', () => {
  it.each(['../outside.eml', 'archive/../../outside.eml', '/etc/passwd', '..', '', '.'])(
    'a path that leaves the data folder (%j) is refused',
    async (archivePath) => {
      await expect(readArchivedEmail(dataDir, archivePath)).rejects.toThrow(/escapes the data folder/);
    },
  );
});

describe("an email's identity", () => {
  const sent = Buffer.from(['Message-ID: <filing-1@county.test>', 'From: xyxjyj@126.com', 'To: yysyj@126.com', 'Subject: 推荐表',
    'Date: Fri, 1 Jul 2022 10:00:00 +0800', 'Content-Type: text/plain', '', '附件是推荐表。', ''].join('\r\n'));
  /** The message as one delivery leaves it: trace headers added on top. */
  const delivered = (trace: string[]) => Buffer.concat([Buffer.from(trace.map((h) => `${h}\r\n`).join('')), sent]);

  it('is the same for one message delivered twice (a retry, a loop): only the trace headers differ', () => {
    const first = delivered(['Received: from mx1.county.test by mx.126.com; Fri, 1 Jul 2022 10:00:05 +0800', 'Delivered-To: yysyj@126.com']);
    const second = delivered(['Received: from mx2.county.test by mx.126.com; Fri, 1 Jul 2022 10:03:41 +0800',
      'Authentication-Results: mx.126.com; dkim=pass header.d=126.com', 'X-Coremail-Antispam: 1Uf129KBjvJXoW']);
    expect(emailIdOf(first)).toBe(emailIdOf(second));
    expect(emailIdOf(first)).toBe(emailIdOf(sent));
  });

  it('differs where the sender wrote something else under the same Message-ID: another body, another subject', () => {
    const otherBody = Buffer.from(sent.toString().replace('附件是推荐表。', '更正后的推荐表。'));
    const otherSubject = Buffer.from(sent.toString().replace('Subject: 推荐表', 'Subject: 推荐表（更正）'));
    expect(new Set([sent, otherBody, otherSubject].map(emailIdOf)).size).toBe(3);
  });

  it('without a Message-ID is all its bytes', () => {
    const bare = Buffer.from(sent.toString().replace('Message-ID: <filing-1@county.test>\r\n', ''));
    const traced = Buffer.concat([Buffer.from('Received: from mx.county.test by mx.126.com; Fri, 1 Jul 2022 10:00:05 +0800\r\n'), bare]);
    expect(emailIdOf(bare)).not.toBe(emailIdOf(traced));
  });
});
