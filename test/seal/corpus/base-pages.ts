// Exported table pages to stamp, made as a county makes them: a Word table (some with a red header, red text or
// red rules), exported to PDF by LibreOffice. Made once per corpus directory and reused.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AlignmentType, BorderStyle, Document, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';

export type BaseKind = 'template' | 'table' | 'red-header' | 'red-text' | 'red-lines';
export const BASE_KINDS: BaseKind[] = ['template', 'table', 'red-header', 'red-text', 'red-lines'];

const HEAD = ['序号', '资源标题', '资源制作方', '拟上线版块', '拟上线栏目', '资源版权方', '资源格式', '资源内容简介', '备注'];
const TITLES = ['左宗棠故居里的家国情怀', '湘阴文庙里的礼与敬', '洋沙湖畔话党史', '远离毒品 珍爱生命', '我是鹤龙湖护鸟小卫士',
  '樟树港辣椒种植全记录', '家务劳动技能展示', '湘绣针法入门', '稻田里的劳动课', '工匠进课堂'];

function row(cells: string[], red: boolean, border: string): TableRow {
  const side = { style: BorderStyle.SINGLE, size: 6, color: border };
  return new TableRow({
    children: cells.map((text) => new TableCell({
      borders: { top: side, bottom: side, left: side, right: side },
      children: [new Paragraph({ children: [new TextRun({ text, size: 20, color: red ? 'E00000' : '000000' })] })],
    })),
  });
}

function docFor(kind: Exclude<BaseKind, 'template'>): Document {
  const redRule = { bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: 24, color: 'E00000', space: 4 } };
  const top: Paragraph[] = [];
  if (kind === 'red-header') {
    top.push(new Paragraph({ alignment: AlignmentType.CENTER, border: redRule, children: [
      new TextRun({ text: '湘阴县教育局文件', size: 96, bold: true, color: 'E00000', font: 'Noto Serif CJK SC' })] }));
  }
  top.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '国家中小学智慧教育平台专题资源推荐表', size: 32, bold: true })] }));
  top.push(new Paragraph({ border: kind === 'red-lines' ? redRule : undefined, children: [new TextRun({ text: '填表单位：湘阴县教育局    联系人：易晓红    联系电话：0730-2221806', size: 22 })] }));
  const rows = TITLES.map((t, i) => row([String(i + 1), t, '湘阴县第一中学', i < 5 ? '德育' : '劳动教育', '爱国主义', '湘阴县教育局', '视频',
    '讲述本地故事，激发学生热爱家乡的情感。', i % 3 === 0 ? '系列，共4集' : ''], kind === 'red-text' && i % 3 === 1, kind === 'red-lines' ? 'E00000' : '000000'));
  const table = new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(HEAD, kind === 'red-text', '000000'), ...rows] });
  const bottom = kind === 'red-lines' ? [new Paragraph({ border: redRule, children: [new TextRun({ text: '抄送：市教育体育局', size: 22 })] })] : [];
  return new Document({ sections: [{
    properties: { page: { size: { orientation: PageOrientation.LANDSCAPE, width: 11906, height: 16838 } } },
    children: [...top, table, ...bottom],
  }] });
}

/** Writes and exports the base documents into dir/base (skipped when already there); returns kind -> PDF path. */
export async function makeBasePages(dir: string, templateDocx: string): Promise<Record<BaseKind, string>> {
  const base = join(dir, 'base');
  mkdirSync(base, { recursive: true });
  const out = {} as Record<BaseKind, string>;
  const missing: string[] = [];
  for (const kind of BASE_KINDS) {
    const docx = join(base, `${kind}.docx`);
    out[kind] = join(base, `${kind}.pdf`);
    if (existsSync(out[kind])) continue;
    if (kind === 'template') copyFileSync(templateDocx, docx);
    else writeFileSync(docx, await Packer.toBuffer(docFor(kind)));
    missing.push(docx);
  }
  if (missing.length) {
    // A private profile, so this export never collides with another soffice running on the machine.
    if (spawnSync('soffice', ['--version'], { stdio: 'ignore' }).error) {
      throw new Error('LibreOffice (soffice) exports the corpus\'s base pages: apt-get install libreoffice-writer fonts-noto-cjk');
    }
    execFileSync('soffice', [`-env:UserInstallation=file://${join(base, 'lo-profile')}`, '--headless', '--convert-to', 'pdf',
      '--outdir', base, ...missing], { stdio: 'ignore', timeout: 180_000 });
  }
  return out;
}
