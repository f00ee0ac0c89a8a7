// `npm run cli -- stamp FILE.pdf [--png DIR] [--json]`, run as a person runs it: what the seal check saw, in words,
// as JSON, and as page pictures with each seal found outlined in blue.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SEAL_DIR = 'test/fixtures/seal';
const labels = JSON.parse(readFileSync(`${SEAL_DIR}/labels.json`, 'utf8')) as { file: string; kind: string }[];
const stamp = async (args: string[]) => (await run('npm', ['run', '--silent', 'cli', '--', 'stamp', ...args])).stdout;

/** Pixels of the outline's blue (0, 90, 255) in a PNG. */
async function bluePixels(png: string): Promise<number> {
  const image = await loadImage(png);
  const context = createCanvas(image.width, image.height).getContext('2d');
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  let blue = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] < 40 && data[i + 1] > 60 && data[i + 1] < 120 && data[i + 2] > 220) blue++;
  return blue;
}

describe('npm run cli -- stamp', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('names the page and box of a seal found, and draws it outlined on that page only', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stamp-'));
    dirs.push(dir);
    // A two-page scan stamped on its second page.
    const out = await stamp([`${SEAL_DIR}/072-stamped-scan.pdf`, '--png', dir]);
    expect(out).toMatch(/^检查了 2 页。\n第 2 页有公章：左上角 \(\d+, \d+\) pt，宽 \d+ pt，高 \d+ pt，可信度 [01]\.\d\d\n已输出页面图片/);
    expect(await bluePixels(join(dir, 'page-001.png'))).toBe(0);
    expect(await bluePixels(join(dir, 'page-002.png'))).toBeGreaterThan(200);
  }, 60_000);

  it('says why no seal is seen: none, a grey-scale scan, a scan saved at very low quality', async () => {
    const redHeader = labels.find((l) => l.kind === 'trap-red-header')!.file;
    const files = ['126-stamped-vector.pdf', redHeader, '245-trap-grey-scan-with-seal.pdf', '301-trap-compressed-scan.pdf'];
    const [stamped, unstamped, grey, lossy] = await Promise.all(files.map((file) => stamp([`${SEAL_DIR}/${file}`])));
    expect(stamped).toContain('第 2 页有公章');
    expect(unstamped).toContain(`PDF附件《${redHeader}》中未发现单位公章`);
    expect(grey).toContain('是黑白（灰度）扫描件');
    expect(lossy).toContain('是不清晰的扫描件（分辨率约100 dpi，JPEG图像质量约2/100）');
  }, 60_000);

  it('gives the same as JSON with --json', async () => {
    const check = JSON.parse(await stamp([`${SEAL_DIR}/301-trap-compressed-scan.pdf`, '--json']));
    expect(check).toEqual({ stamps: [], pagesChecked: 1, greyscaleOnly: false, poorScan: { dpi: 100, quality: 2 }, tooLargeImage: null, truncated: false, images: [] });
  }, 60_000);

  it('says in words why a PDF cannot be opened, and exits 1', async () => {
    for (const [file, reason] of [['encrypted-password.pdf', 'PDF 文件设有密码或已加密，无法打开'], ['cff-font-bloats-heap.pdf', 'PDF 文件中嵌入的字体数据已损坏，无法读取']]) {
      const failed = await run('npm', ['run', '--silent', 'cli', '--', 'stamp', `test/fixtures/pdf/${file}`]).then(() => null, (err: { code: number; stderr: string }) => err);
      expect(failed).toMatchObject({ code: 1, stderr: `错误：《${file}》${reason}。\n` });
    }
  }, 60_000);
});
