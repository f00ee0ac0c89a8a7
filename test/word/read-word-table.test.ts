// The Word stage on real files: the sample submission, the blank form, every shape the generator writes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCampaign } from '../../src/rules/load-campaign.ts';
import type { WordReading } from '../../src/types.ts';
import { readWordTable } from '../../src/word/read-word-table.ts';
import { PINGJIANG_RESOURCES } from './fixture-kit/resources.ts';

const form = loadCampaign().form;
const fixture = (name: string) => new URL(`../fixtures/word/${name}`, import.meta.url);
const read = (name: string, content = readFileSync(fixture(name))) =>
  readWordTable({ filename: name, contentType: 'application/octet-stream', content }, form);

function table(reading: WordReading) {
  if (!reading.ok) throw new Error(`expected a readable file, got: ${reading.reason}`);
  return reading;
}

describe('readWordTable on the sample submission and the blank form', () => {
  it('reads the 湘阴县 sample as 30 rows with its unit, contact and phone', async () => {
    const reading = table(await read('湘阴县专题资源推荐表.docx'));
    expect(reading.hasTable).toBe(true);
    expect(reading.rows).toHaveLength(30);
    expect(reading.header).toEqual({ unit: '湘阴县教育局', contact: '易晓红', phone: '0730-2221806' });
    expect(reading.rows[0].cells).toMatchObject({ seq: '1', title: '左宗棠故居里的家国情怀', producer: '湘阴县第一中学',
      section: '德育', column: '爱国主义', copyright: '湘阴县教育局', format: '视频', remark: '' });
    expect(reading.rows.map((row) => row.cells.seq)).toEqual(Array.from({ length: 30 }, (_, i) => String(i + 1)));
  });

  it('finds the table of the blank template but no rows in it, and an empty header line', async () => {
    const content = readFileSync(new URL('../fixtures/samples/template.docx', import.meta.url));
    const reading = table(await read('template.docx', content));
    expect(reading).toMatchObject({ hasTable: true, rows: [], header: { unit: '', contact: '', phone: '' } });
  });
});

describe('readWordTable on the shapes counties send', () => {
  it('skips the template rows left empty and stops before the 填表说明 notes', async () => {
    const reading = table(await read('平江县-推荐表.docx'));
    expect(reading.rows).toHaveLength(8);
    expect(reading.rows.at(-1)!.cells.title).toBe('初中数学大单元作业设计');
    expect(reading.header).toEqual({ unit: '平江县教育局', contact: '李明', phone: '0730-6221234' });
  });

  it('joins a table continued after page breaks, with the header repeated or without it, in order', async () => {
    const reading = table(await read('岳阳县-跨页续表.docx'));
    expect(reading.rows.map((row) => row.cells.seq)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    expect(reading.header).toEqual({ unit: '岳阳县教育体育局', contact: '王芳', phone: '13807301234' });
  });

  it('maps a two-row header under merged cells and reads the header line from the row above it', async () => {
    const reading = table(await read('华容县-合并表头.docx'));
    expect(reading.rows).toHaveLength(6);
    expect(reading.rows[1].cells).toMatchObject({ section: '德育', column: '爱国主义', remark: '系列，共3集' });
    expect(reading.header).toEqual({ unit: '华容县教育体育局', contact: '赵强', phone: '0730-4221234' });
  });

  it('copes with a missing 序号 column and an extra column, and strips 盖章 and stray punctuation', async () => {
    const reading = table(await read('临湘市-无序号列.docx'));
    expect(reading.rows).toHaveLength(4);
    expect(Object.keys(reading.rows[0].cells).sort()).toEqual(
      ['column', 'copyright', 'format', 'producer', 'remark', 'section', 'summary', 'title']);
    expect(reading.rows[0].cells.summary).toBe('记录山区教师走教、家访与课堂教学的日常。');
    expect(reading.header).toEqual({ unit: '临湘市教育局', contact: '陈静', phone: '0730-3721234' });
  });

  it('finds a table put inside a text box', async () => {
    const reading = table(await read('汨罗市-文本框.docx'));
    expect(reading.rows.map((row) => row.cells.title)).toEqual(['平江起义纪念馆里的党史课', '幕阜山下的红色家书', '酱干制作里的劳动智慧']);
    expect(reading.header.unit).toBe('汨罗市教育局');
  });

  it('finds a table nested inside a layout table', async () => {
    const reading = table(await read('云溪区-嵌套表格.docx'));
    expect(reading.rows).toHaveLength(4);
    expect(reading.header).toEqual({ unit: '云溪区教育局', contact: '刘洋', phone: '0730-8421234' });
  });

  it('opens a Word file without a recommendation table as readable with hasTable false', async () => {
    expect(await read('无表格.docx')).toMatchObject({ ok: true, hasTable: false, rows: [] });
  });
});

describe('readWordTable on legacy, RTF and web formats gives the same table as the .docx', () => {
  for (const name of ['平江县-推荐表', '华容县-合并表头', '岳阳县-跨页续表', '平江县-合并版块']) {
    it.each([[`${name}.doc`], [`${name}-RTF.doc`]])('reads %s (made by LibreOffice) exactly as the .docx', async (file) => {
      const legacy = table(await read(file));
      const docx = table(await read(`${name}.docx`));
      expect(legacy.rows).toEqual(docx.rows);
      expect(legacy.header).toEqual(docx.header);
    });
  }

  it('gives a .doc cell merged down (版块 over each section, 版权方 over all rows) to every row it covers', async () => {
    const reading = table(await read('平江县-合并版块.doc'));
    expect(reading.rows.map((row) => row.cells.section)).toEqual(
      ['德育', '德育', '劳动教育', '劳动教育', '课后服务', '课后服务', '教师研修', '教师研修']);
    expect(new Set(reading.rows.map((row) => row.cells.copyright))).toEqual(new Set(['平江县教育局']));
    expect(reading.rows[1].cells).toMatchObject({ seq: '2', title: '幕阜山下的红色家书', column: '爱国主义', remark: '系列，共3集' });
  });

  for (const damage of ['表格属性损坏', '段落属性越界']) {
    it(`reads the merged .doc whose row properties are damaged (${damage}) with its merges ignored`, async () => {
      const reading = table(await read(`平江县-合并版块-${damage}.doc`));
      expect(reading.rows.map((row) => row.cells.title)).toEqual(PINGJIANG_RESOURCES.slice(0, 8).map((x) => x.title));
      expect(reading.rows.map((row) => row.cells.section)).toEqual(['德育', '', '劳动教育', '', '课后服务', '', '教师研修', '']);
      expect(reading.rows.map((row) => row.cells.copyright)).toEqual(['平江县教育局', '', '', '', '', '', '', '']);
    });
  }

  it('reads a .wps (the same OLE bytes under WPS\'s old extension) like the .doc', async () => {
    const wps = table(await read('平江县-推荐表.wps'));
    expect(wps.rows).toEqual(table(await read('平江县-推荐表.doc')).rows);
  });

  it('reads an HTML page in GB2312 saved as .doc, skipping its empty numbered rows', async () => {
    const reading = table(await read('君山区-网页另存.doc'));
    expect(reading.rows.map((row) => row.cells.title)).toEqual(
      ['酱干制作里的劳动智慧', '校园菜地四季农事', '石牛寨地质科普', '平江花鼓戏入门', '山区教师的一天']);
    expect(reading.header).toEqual({ unit: '君山区教育局', contact: '孙伟', phone: '0730-7221234' });
  });

  it('reads an MHTML single-file web page saved as .doc like the plain HTML one', async () => {
    const mhtml = table(await read('南湖新区-单个网页.doc'));
    expect(mhtml.rows).toEqual(table(await read('君山区-网页另存.doc')).rows);
    expect(mhtml.header.unit).toBe('南湖新区教文体局');
  });
});
