// The `check` command exactly as the verdict contract states it, run as a separate process on the email fixtures.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Verdict } from '../../src/types.ts';
import type { Expected } from '../fixtures/email-kit/cases.ts';
import { countyEmail, goodDocx } from '../hostile/hostile-kit.ts';

const run = promisify(execFile);
const EML_DIR = 'test/fixtures/eml';
const SAMPLE = 'test/fixtures/samples/湘阴县-accepted.eml';
const expected = JSON.parse(readFileSync(`${EML_DIR}/expected.json`, 'utf8')) as Record<string, Expected>;
const check = (args: string[]) => run('npm', ['run', '--silent', 'cli', '--', 'check', ...args], { maxBuffer: 64 << 20 });

describe('npm run cli -- check', () => {
  let verdicts: Map<string, Verdict>;

  beforeAll(async () => {
    const files = readdirSync(EML_DIR).filter((f) => f.endsWith('.eml')).map((f) => `${EML_DIR}/${f}`);
    const { stdout } = await check([SAMPLE, ...files, '--json']);
    verdicts = new Map(stdout.trim().split('\n').map((line) => JSON.parse(line) as Verdict).map((v) => [v.file!, v]));
    expect(verdicts.size).toBe(files.length + 1);
  }, 600_000);

  it('accepts the sample submission for 湘阴县 with every filled row as a resource', () => {
    const v = verdicts.get('湘阴县-accepted.eml')!;
    expect(v).toMatchObject({ decision: 'accept', unit: '湘阴县', errors: [], receivedAt: '2022-07-01T14:20:11+08:00' });
    expect(v.resources).toHaveLength(30);
    expect(v.countsBySection).toEqual({ 德育: 5, 劳动教育: 5, 课后服务: 5, 教师研修: 5, 家庭教育: 5, 教改经验: 5 });
    expect(v.resources[0]).toEqual({ seq: 1, title: '左宗棠故居里的家国情怀', producer: '湘阴县第一中学', section: '德育',
      column: '爱国主义', copyright: '湘阴县教育局', format: '视频',
      summary: '走进左宗棠故居，讲述左宗棠抬棺出征、收复新疆的历史，激发学生爱国情怀。', remark: '' });
    expect(v.stamps.length).toBeGreaterThan(0);
    expect(v.reply).toMatchObject({ to: 'xyxjyj@126.com', subject: '【已受理】湘阴县国家中小学智慧教育平台专题资源推荐表' });
  });

  for (const [file, want] of Object.entries(expected)) {
    it(`decides ${file}: ${want.decision} ${want.unit ?? '(no unit)'} ${want.errors.join(' ') || 'no errors'}`, () => {
      const v = verdicts.get(file)!;
      expect({ decision: v.decision, unit: v.unit, errors: v.errors.map((e) => e.code).sort(), resources: v.resources.length })
        .toEqual({ decision: want.decision, unit: want.unit, errors: [...want.errors].sort(), resources: want.resources });
      expect(v.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(want.warnings ?? []));
      expect(v.reply === null).toBe(want.decision === 'ignore');
      for (const f of [...v.errors, ...v.warnings]) expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    });
  }

  it('gives a return notice that lists every problem in Chinese, without internal codes', () => {
    const v = verdicts.get('平江县-表内多处错误.eml')!;
    expect(v.reply!.subject).toBe('【退回】平江县专题资源推荐表');
    expect(v.reply!.text).toContain('发现以下 4 个问题');
    for (const e of v.errors) expect(v.reply!.text).toContain(e.message);
    expect(v.reply!.text).not.toMatch(/[A-Z]{3,}_[A-Z]+/);
    expect(v.reply!.html).toContain('<li>');
  });

  it('without --json prints a readable line per email', async () => {
    const { stdout } = await check([SAMPLE]);
    expect(stdout).toContain('湘阴县-accepted.eml: 受理  单位=湘阴县  资源=30');
  });

  it('honours --received over the headers', async () => {
    const { stdout } = await check([SAMPLE, '--json', '--received', '2022-07-05T00:00:00+08:00']);
    const v = JSON.parse(stdout) as Verdict;
    expect(v.receivedAt).toBe('2022-07-05T00:00:00+08:00');
    expect(v.errors.map((e) => e.code)).toEqual(['LATE']);
  });

  it.each([
    ['2022-07-05', '2022-07-05T00:00:00+08:00', ['LATE']],
    ['2022-07-04T23:59:59', '2022-07-04T23:59:59+08:00', []],
    ['2022-07-04 23:59', '2022-07-04T23:59:00+08:00', []],
    ['20220704T235959', '2022-07-04T23:59:59+08:00', []],
  ])('reads --received %s, which has no offset, as the campaign\'s local time', async (received, receivedAt, errors) => {
    const v = JSON.parse((await check([SAMPLE, '--json', '--received', received])).stdout) as Verdict;
    expect(v.receivedAt).toBe(receivedAt);
    expect(v.errors.map((e) => e.code)).toEqual(errors);
  });

  it('answers an email over 60 MB from its header and attachment names, as the bot does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'check-'));
    try {
      const scan = { filename: '湘阴县盖章扫描件.pdf', contentType: 'application/pdf', content: Buffer.alloc(46 << 20, 0x25) };
      writeFileSync(join(dir, 'big.eml'), countyEmail([goodDocx(), scan]));
      const v = JSON.parse((await check([join(dir, 'big.eml'), '--json'])).stdout) as Verdict;
      expect(v).toMatchObject({ file: 'big.eml', decision: 'reject', unit: '湘阴县' });
      expect(v.errors.map((e) => e.message).join('\n')).toMatch(/《湘阴县盖章扫描件\.pdf》所在邮件过大（约\d+ MB，超过60 MB上限）/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it.each([
    [['does-not-exist.eml', '--json'], '无法读取文件'],
    [[SAMPLE, '--received', 'yesterday'], '--received'],
    [[SAMPLE, '--received', '2022-07-32'], '--received'],
    [[SAMPLE, '--campaign', 'test/cli/broken-campaign.yaml'], '规则文件有误'],
  ])('fails with one line on stderr and a non-zero exit for %j', async (args, message) => {
    const failed = await check(args).then(() => null, (err: { code: number; stderr: string }) => err);
    expect(failed?.code).not.toBe(0);
    expect(failed?.stderr.trim().split('\n')).toHaveLength(1);
    expect(failed?.stderr).toContain(message);
  });
});
