// `stamp FILE.pdf [--png DIR] [--json]`: shows what the seal check saw in one PDF, for a person to verify.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { openPdf } from '../pdf/open-pdf.ts';
import { describePdfError } from '../pdf/pdf-errors.ts';
import { findSeals, type SealCheck } from './find-seals.ts';
import { renderSealOverlay } from './render-overlay.ts';
import { noSealFinding } from '../validate/checks/no-stamp.ts';

const USAGE = '用法: stamp <file.pdf> [--png <dir>] [--json]\n';

export async function runStampCommand(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const pngAt = args.indexOf('--png');
  const pngDir = pngAt >= 0 ? args[pngAt + 1] : undefined;
  const file = args.find((a, i) => !a.startsWith('--') && (pngAt < 0 || i !== pngAt + 1));
  if (!file || (pngAt >= 0 && !pngDir)) {
    process.stderr.write(USAGE);
    return 2;
  }
  const opened = await openPdf(await readFile(file)).catch((err: unknown) => {
    process.stderr.write(`错误：《${basename(file)}》${describePdfError(err)}。\n`);
    return null;
  });
  if (!opened) return 1;
  try {
    const check = await findSeals(opened.document, basename(file));
    const images = pngDir ? await renderSealOverlay(opened.document, pngDir) : [];
    process.stdout.write(json ? `${JSON.stringify({ ...check, images }, null, 2)}\n` : describe(check, basename(file), images));
    return 0;
  } finally {
    await opened.close();
  }
}

function describe(check: SealCheck, file: string, images: string[]): string {
  const lines = [`检查了 ${check.pagesChecked} 页${check.truncated ? '（文件页数过多，只检查了前面的页）' : ''}。`];
  if (check.stamps.length === 0) lines.push(noSealFinding(file, check).message);
  for (const s of check.stamps) {
    const [x, y, w, h] = s.box.map((v) => Math.round(v));
    lines.push(`第 ${s.page} 页有公章：左上角 (${x}, ${y}) pt，宽 ${w} pt，高 ${h} pt，可信度 ${s.score.toFixed(2)}`);
  }
  if (images.length) lines.push(`已输出页面图片（公章用蓝框标出）：${images.join(', ')}`);
  return `${lines.join('\n')}\n`;
}
