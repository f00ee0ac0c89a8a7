// Found by the fuzzer (seed 1, cases 123, 206, 347, 963): pdf.js, checking a damaged page tree, leaves rejected
// promises of its own behind; Node ended the process on them after the verdict. Run as a process, as the bot runs.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/types.ts';
import { countyEmail, fixtureFile, goodDocx } from './hostile-kit.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'broken-page-tree-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** many-pages.pdf with its page tree's root object unreadable ("3016 0 obk"). */
function brokenPageTree(): Buffer {
  return Buffer.from(fixtureFile('pdf/many-pages.pdf').toString('latin1').replace('3016 0 obj', '3016 0 obk'), 'latin1');
}

describe('a PDF whose page tree pdf.js cannot walk', () => {
  it('gets a verdict from the check command, and the process lives to check the next email', async () => {
    const first = join(dir, 'broken.eml');
    const second = join(dir, 'after.eml');
    writeFileSync(first, countyEmail([goodDocx(), { filename: '推荐表.pdf', contentType: 'application/pdf', content: brokenPageTree() }]));
    writeFileSync(second, countyEmail([goodDocx()]));
    const { stdout } = await run('npx', ['tsx', 'src/cli/main.ts', 'check', first, second, '--json'], { maxBuffer: 16 << 20 });
    const verdicts = stdout.trim().split('\n').map((line) => JSON.parse(line) as Verdict);
    expect(verdicts.map((v) => v.decision)).toEqual(['reject', 'reject']);
    expect(verdicts[0].errors.find((e) => e.code === 'UNREADABLE_ATTACHMENT')?.message).toContain('《推荐表.pdf》');
    expect(verdicts[1].errors.map((e) => e.code)).toContain('MISSING_PDF');
  });
});
