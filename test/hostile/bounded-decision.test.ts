// The bot's bounds on one email, as the service and `check` both apply them (decideBounded): an email too large to
// read whole, or one the pipeline thread gives up on, is answered from its header, naming every file it carries.
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_EMAIL_BYTES } from '../../src/limits.ts';
import { attachmentNames } from '../../src/mail/attachment-names.ts';
import { readEmail } from '../../src/mail/read-email.ts';
import { decideBounded } from '../../src/pipeline/decide-bounded.ts';
import { PipelineRunner } from '../../src/pipeline/thread/pipeline-runner.ts';
import type { Verdict } from '../../src/types.ts';
import { campaign, countyEmail, goodDocx, goodPdf } from './hostile-kit.ts';

const MB = 1024 * 1024;
const unreadable = (v: Verdict) => v.errors.filter((e) => e.code === 'UNREADABLE_ATTACHMENT').map((e) => e.message).join('\n');
let runner: PipelineRunner;
afterEach(() => runner.close());

describe('an email past the bounds is answered from its header', () => {
  it('over the 60 MB cap: not read, each file named with the email\'s size and the cap', async () => {
    runner = new PipelineRunner(120_000);
    // 46 MB in base64 makes a 63 MB email.
    const scan = { filename: '湘阴县盖章扫描件.pdf', contentType: 'application/pdf', content: Buffer.alloc(46 * MB, 0x25) };
    const raw = countyEmail([goodDocx(), scan]);
    expect(raw.length).toBeGreaterThan(MAX_EMAIL_BYTES);
    const { verdict, fromHeaderBecause } = await decideBounded(runner, raw, { campaign, file: 'big.eml' });
    expect(fromHeaderBecause).toBe('oversize');
    expect(verdict).toMatchObject({ decision: 'reject', unit: '湘阴县', file: 'big.eml' });
    expect(unreadable(verdict)).toContain('《湘阴县专题资源推荐表.docx》');
    expect(unreadable(verdict)).toContain('《湘阴县盖章扫描件.pdf》');
    expect(unreadable(verdict)).toContain(`所在邮件过大（约${Math.ceil(raw.length / MB)} MB，超过60 MB上限）`);
  }, 60_000);

  it('past the pipeline\'s time limit: each file named as not read in time, the sender still answered', async () => {
    runner = new PipelineRunner(5);
    const { verdict, fromHeaderBecause } = await decideBounded(runner, countyEmail([goodDocx(), goodPdf()]), { campaign });
    expect(fromHeaderBecause).toContain('not decided within 5 ms');
    expect(verdict).toMatchObject({ decision: 'reject', unit: '湘阴县' });
    expect(verdict.reply?.to).toBe('xyxjyj@126.com');
    expect(unreadable(verdict)).toContain('《湘阴县专题资源推荐表.docx》');
    expect(unreadable(verdict)).toContain('《湘阴县专题资源推荐表.pdf》');
    expect(unreadable(verdict)).toContain('处理超时');
  });
});

describe('attachment names read as a stream', () => {
  it('are the names the pipeline reads, in order', async () => {
    const raw = countyEmail([goodDocx(), goodPdf(), { filename: '说明.txt', contentType: 'text/plain', content: Buffer.from('说明') }]);
    const read = (await readEmail(raw)).attachments.map((a) => a.filename);
    expect((await attachmentNames(raw)).map((a) => a.filename)).toEqual(read);
    expect(read).toEqual(['湘阴县专题资源推荐表.docx', '湘阴县专题资源推荐表.pdf', '说明.txt']);
  });
});
