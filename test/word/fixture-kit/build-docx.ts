// Builds a recommendation-form .docx from a list of blocks with the `docx` package, byte-for-byte repeatable.
import {
  Document, Packer, PageOrientation, Paragraph, PageBreak, Table, TableCell, TableLayoutType, TableRow, TextRun, Textbox, VerticalMergeType, WidthType,
} from 'docx';
import JSZip from 'jszip';
import type { FixtureResource } from './resources.ts';

/** A cell: its text ('\n' is a line break inside the cell), with optional merges. */
export type CellSpec = string | { text: string; colSpan?: number; vMerge?: 'restart' | 'continue' };
export type BlockSpec =
  | { kind: 'p'; text: string }
  | { kind: 'table'; rows: CellSpec[][]; widths?: number[]; cellMargin?: number }
  | { kind: 'textbox'; rows: CellSpec[][] }
  | { kind: 'nested'; rows: CellSpec[][] }
  | { kind: 'pageBreak' };

/** The blank form's header cells, with its full-width spaces and line breaks. */
export const FORM_HEADER = ['序号', '资源标题', '资　源\n制作方', '拟上线版　块', '拟上线栏　目', '资　源\n版权方',
  '资源格式', '资源内容\n简　　介', '备注'];
export const NOTES = ['填表说明：1.资源标题：填写资源上线后的标题，且应与资源文件命名一致；', '2.资源制作方：填写资源制作方名称；',
  '3.拟上线版块：填写国家中小学智慧教育平台版块名称；', '6.资源格式：填写视频、音频、图片等文件格式；'];
const FIXED_DATE = new Date('2022-06-30T08:00:00Z');

/** Data rows numbered from `first`, in form column order. */
export function dataRows(resources: FixtureResource[], first = 1): string[][] {
  return resources.map((x, i) => [String(first + i), x.title, x.producer, x.section, x.column, x.copyright,
    x.format, x.summary, x.remark]);
}

/** The template's empty numbered rows. */
export function emptyRows(from: number, count: number, width = 9): string[][] {
  return Array.from({ length: count }, (_, i) => [String(from + i), ...Array<string>(width - 1).fill('')]);
}

function paragraph(text: string): Paragraph {
  return new Paragraph({ children: text.split('\n').map((line, i) => new TextRun({ text: line, break: i ? 1 : 0 })) });
}

function cell(spec: CellSpec): TableCell {
  const s = typeof spec === 'string' ? { text: spec } : spec;
  const vMerge = s.vMerge === 'restart' ? VerticalMergeType.RESTART
    : s.vMerge === 'continue' ? VerticalMergeType.CONTINUE : undefined;
  return new TableCell({ children: [paragraph(s.text)], columnSpan: s.colSpan, verticalMerge: vMerge });
}

/** `widths` (twentieths of a point) fix the columns; without them the table spans the page as Word lays it out.
 * `cellMargin` (twentieths of a point) is the space between a cell's text and its borders, on every side. */
function table(rows: CellSpec[][], widths?: number[], cellMargin?: number): Table {
  const margins = cellMargin === undefined ? {} : { margins: { top: cellMargin, bottom: cellMargin, left: cellMargin, right: cellMargin } };
  return new Table({ rows: rows.map((r) => new TableRow({ children: r.map(cell) })), ...margins,
    ...(widths ? { columnWidths: widths, layout: TableLayoutType.FIXED } : { width: { size: 100, type: WidthType.PERCENTAGE } }) });
}

function block(spec: BlockSpec): Paragraph | Table {
  switch (spec.kind) {
    case 'p': return paragraph(spec.text);
    case 'table': return table(spec.rows, spec.widths, spec.cellMargin);
    case 'pageBreak': return new Paragraph({ children: [new PageBreak()] });
    case 'textbox':
      return new Paragraph({ children: [new Textbox({ style: { width: '9in', height: '5in' },
        children: [paragraph('推荐资源清单'), table(spec.rows), paragraph('')] })] });
    case 'nested':
      return new Table({ rows: [new TableRow({ children: [new TableCell({ children: [table(spec.rows), paragraph('')] })] })] });
  }
}

/** Packs the blocks into a .docx whose zip dates and document dates are fixed, so reruns give the same bytes. */
export async function buildDocx(blocks: BlockSpec[], options: { landscape?: boolean } = {}): Promise<Buffer> {
  // A4 landscape, as the official form is laid out (docx wants portrait sizes plus the orientation flag).
  const page = options.landscape ? { size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE } } : undefined;
  const doc = new Document({ creator: 'fixture', sections: [{ properties: page ? { page } : {}, children: blocks.map(block) }] });
  const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
  const core = await zip.file('docProps/core.xml')!.async('string');
  zip.file('docProps/core.xml', core.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, FIXED_DATE.toISOString()));
  // Text boxes get a random VML shape id; number them instead.
  let shape = 0;
  const body = await zip.file('word/document.xml')!.async('string');
  zip.file('word/document.xml', body.replace(/<v:shape id="[^"]*"/g, () => `<v:shape id="textbox${++shape}"`));
  for (const name of Object.keys(zip.files)) zip.files[name].date = FIXED_DATE;
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
