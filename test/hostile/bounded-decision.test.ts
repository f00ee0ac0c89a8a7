// The bot's bounds on one email, as the service and `check` both apply them (decideBounded): a file the pipeline
// thread is stopped on is named unreadable and the rest still checked; an email too large to read whole, or one the
// thread gives up on as a whole, is answered from its header, naming every file it carries.
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_EMAIL_BYTES } from '../../src/limits.ts';
import { attachmentNames } from '../../src/mail/attachment-names.ts';
import { readEmail } from '../../src/mail/read-email.ts';
import { decideBounded } from '../../src/pipeline/decide-bounded.ts';
import { PipelineRunner } from '../../src/pipeline/thread/pipeline-runner.ts';
import type { Verdict } from '../../src/types.ts';
import { campaign, countyEmail, fixtureFile, goodDocx, goodPdf } from './hostile-kit.ts';
import { padFontStream } from './raw-pdf.ts';

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

describe('a file the thread is stopped on', () => {
  // The fuzzer's seed 7 case 189: word-like-unruled.pdf with 57 bytes of its compressed CFF font (offset 44774)
  // repeated 43,867 times at offset 15964. pdf.js's CFF parser then runs about two minutes without yielding, so the
  // reader's own 20 s limit never fires. The font check before pdf.js refuses it as it is (test/pdf/font-bombs.test.ts);
  // with its font padded past what that check inflates, only the thread's bounds are left.
  const slowPdf = { filename: '湘阴县盖章件.pdf', contentType: 'application/pdf', content: padFontStream(fixtureFile('pdf/cff-font-parse-takes-minutes.pdf'), 9 * MB) };

  it('is named unreadable once past the file limit, and the Word table is still read and checked', async () => {
    runner = new PipelineRunner(120_000, undefined, 10_000);
    const { verdict, stops, fromHeaderBecause } = await decideBounded(runner, countyEmail([goodDocx(), slowPdf]), { campaign });
    expect(stops).toEqual(['attachment 1 not read within 10000 ms']);
    expect(fromHeaderBecause).toBeNull();
    expect(verdict.resources).toHaveLength(30);
    expect(verdict.errors.map((e) => e.code)).toEqual(['UNREADABLE_ATTACHMENT']);
    expect(unreadable(verdict)).toContain('《湘阴县盖章件.pdf》读取超时（文件过于复杂或已损坏，10 秒内未能读完）');
  }, 60_000);

  // The fuzzer's seed 1 case 118: huge-mediabox.pdf with 8,032 of its bytes (from offset 19374, inside its embedded
  // CFF font) copied in at offset 70208. pdf.js's rewriting of that font grows the heap past a gigabyte. Padded as
  // above, past the font check.
  const bloatingPdf = { filename: '湘阴县盖章件.pdf', contentType: 'application/pdf', content: padFontStream(fixtureFile('pdf/cff-font-bloats-heap.pdf'), 9 * MB) };

  it('is named unreadable when it runs the thread out of heap, and the Word table is still read and checked', async () => {
    runner = new PipelineRunner(120_000, 256);
    const { verdict, stops, fromHeaderBecause } = await decideBounded(runner, countyEmail([goodDocx(), bloatingPdf]), { campaign });
    expect(stops).toHaveLength(1);
    expect(stops[0]).toContain('memory limit');
    expect(fromHeaderBecause).toBeNull();
    expect(verdict.resources).toHaveLength(30);
    expect(verdict.errors.map((e) => e.code)).toEqual(['UNREADABLE_ATTACHMENT']);
    expect(unreadable(verdict)).toContain('《湘阴县盖章件.pdf》文件过大或结构异常，处理时超出内存限制');
  }, 60_000);
});

describe('attachment names read as a stream', () => {
  it('are the names the pipeline reads, in order', async () => {
    const raw = countyEmail([goodDocx(), goodPdf(), { filename: '说明.txt', contentType: 'text/plain', content: Buffer.from('说明') }]);
    const read = (await readEmail(raw)).attachments.map((a) => a.filename);
    expect((await attachmentNames(raw)).map((a) => a.filename)).toEqual(read);
    expect(read).toEqual(['湘阴县专题资源推荐表.docx', '湘阴县专题资源推荐表.pdf', '说明.txt']);
  });
});
