// Finding the recommendation table and its rows, on small HTML tables that show one rule each.
import { describe, expect, it } from 'vitest';
import { loadCampaign } from '../../src/rules/load-campaign.ts';
import { findFormTable } from '../../src/word/find-form-table.ts';
import { htmlToBlocks } from '../../src/word/html-to-blocks.ts';

const form = loadCampaign().form;
const tr = (...cells: string[]) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
const HEADER = tr('序号', '资源标题', '资源制作方', '拟上线版块', '拟上线栏目', '资源版权方', '资源格式', '资源内容简介', '备注');
const row = (seq: string, title: string) => tr(seq, title, '某县一中', '德育', '党史学习', '某县教育局', '视频', '简介', '');
const rowsOf = (html: string) => findFormTable(htmlToBlocks(html), form)?.rows ?? null;
const titles = (html: string) => rowsOf(html)?.map((r) => r.cells.title);

describe('findFormTable', () => {
  it('matches header cells with full-width spaces and line breaks inside them', () => {
    const header = tr('序　号', '资源标题', '资　源<br>制作方', '拟上线版　块', '拟上线栏　目', '资源<br/>版权方', '资源格式', '资源内容<br>简　　介', '备注');
    expect(rowsOf(`<table>${header}${row('1', '甲')}</table>`)?.[0].cells).toMatchObject(
      { seq: '1', title: '甲', producer: '某县一中', section: '德育', column: '党史学习', copyright: '某县教育局' });
  });

  it('matches a header cell that adds words to a column name, like 资源标题（名称）', () => {
    const header = tr('序号', '资源标题（名称）', '资源制作方', '拟上线版块', '拟上线栏目', '资源版权方', '资源格式', '资源内容简介', '备注');
    expect(titles(`<table>${header}${row('1', '甲')}</table>`)).toEqual(['甲']);
  });

  it('says there is no table when no row names enough of the form\'s columns', () => {
    expect(rowsOf(`<table>${tr('资源标题', '备注')}${tr('甲', '')}</table>`)).toBeNull();
  });

  it('stops at a 填表说明 row inside the table', () => {
    expect(titles(`<table>${HEADER}${row('1', '甲')}${tr('填表说明：1.资源标题：填写资源上线后的标题')}${row('2', '乙')}</table>`))
      .toEqual(['甲']);
  });

  it('skips a header repeated inside the table', () => {
    expect(titles(`<table>${HEADER}${row('1', '甲')}${HEADER}${row('2', '乙')}</table>`)).toEqual(['甲', '乙']);
  });

  it('does not join a following headerless table of another width', () => {
    expect(titles(`<table>${HEADER}${row('1', '甲')}</table><table>${tr('联系人', '电话')}${tr('李明', '123')}</table>`))
      .toEqual(['甲']);
  });

  it('does not join a table that follows text after the form table', () => {
    expect(titles(`<table>${HEADER}${row('1', '甲')}</table><p>附：其他材料</p><table>${row('2', '乙')}</table>`))
      .toEqual(['甲']);
  });

  it('repeats a 版块 cell merged down over several rows into each of them, and skips rows with only 序号', () => {
    const merged = '<tr><td>1</td><td>甲</td><td>某县一中</td><td rowspan="2">德育</td><td>党史学习</td><td>局</td><td>视频</td><td></td><td></td></tr>';
    const next = tr('2', '乙', '某县二中', '爱国主义', '局', '视频', '', '');
    const rows = rowsOf(`<table>${HEADER}${merged}${next}${tr('3', '', '', '', '', '', '', '', '')}</table>`)!;
    expect(rows.map((r) => [r.cells.title, r.cells.section, r.cells.column])).toEqual([['甲', '德育', '党史学习'], ['乙', '德育', '爱国主义']]);
  });
});
