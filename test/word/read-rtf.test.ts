// RTF named .doc (Word and WPS open it whatever its name; office systems export forms so), written as Chinese Word
// writes it: GBK bytes under a font whose charset is 134 in an English-code-page document, \uN with fallbacks, a
// vertical merge, a picture, a bookmark and a hyperlink field in the table.
import { describe, expect, it } from 'vitest';
import { loadCampaign } from '../../src/rules/load-campaign.ts';
import { readWordTable } from '../../src/word/read-word-table.ts';

const form = loadCampaign().form;

/** Every GBK character's bytes, from the decoder itself (Node encodes no GBK). */
const GBK = (() => {
  const decoder = new TextDecoder('gbk');
  const bytesOf = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const char = decoder.decode(Uint8Array.of(lead, trail));
      if (char.length === 1 && char !== '\ufffd' && !bytesOf.has(char)) bytesOf.set(char, [lead, trail]);
    }
  }
  return bytesOf;
})();

/** Text as Word writes it in an English-code-page file: ASCII as is, Chinese as \'hh GBK bytes in the 宋体 font. */
const gbk = (text: string) => [...text].map((char) => {
  const bytes = GBK.get(char);
  return bytes ? bytes.map((b) => `\\'${b.toString(16)}`).join('') : char;
}).join('');
const run = (text: string) => `{\\rtlch\\fcs1 \\af0 \\ltrch\\fcs0 \\f0\\hich\\af0\\dbch\\af13\\loch\\f0 ${gbk(text)}}`;

const EDGES = [700, 3200, 4900, 5900, 6900, 8200, 9000, 11500, 12500];
const rowDefinition = (mergedUp: boolean[]) =>
  `\\trowd\\trgaph108\\trleft-108${EDGES.map((edge, i) => `${mergedUp[i] ? '\\clvmrg' : i === 3 ? '\\clvmgf' : ''}\\cellx${edge}`).join('')}`;
const row = (cells: string[], mergedUp: boolean[] = []) =>
  `\\pard\\intbl ${cells.map((cell) => `${cell}\\cell `).join('')}\\pard\\intbl {${rowDefinition(mergedUp)}\\row }\n`;

const WORD_STYLE_RTF = [
  '{\\rtf1\\adeflang1025\\ansi\\ansicpg1252\\uc1\\adeff0\\deff0',
  `{\\fonttbl{\\f0\\froman\\fcharset0\\fprq2 Times New Roman;}{\\f13\\fbidi \\fnil\\fcharset134\\fprq2 ${gbk('宋体')}{\\*\\falt SimSun};}}`,
  '{\\colortbl;\\red0\\green0\\blue0;}',
  `{\\info{\\title ${gbk('不是正文')}}{\\author clerk}}`,
  `\\pard\\qc ${run('国家中小学智慧教育平台专题资源推荐表')}\\par`,
  `\\pard ${run('填表单位：平江县教育局（盖章）    联系人：李明    联系电话：0730-6221234')}\\par`,
  `{\\*\\bkmkstart table}{\\*\\bkmkend table}{\\pict\\pngblip\\picw10\\pich10\\bin4 {}\\}}`,
  row(form.columns.map((column) => run(column.header))),
  row([run('1'), run('红色家书里的初心'), run('平江县第一中学'), run('德育'), run('爱国主义'), run('平江县教育局'), run('视频'),
    run('十集系列微课'), `{\\field{\\*\\fldinst HYPERLINK "https://example.cn/a"}{\\fldrslt ${run('样片链接')}}}`]),
  row([run('2'), `\\uc2 \\u8220\\'a1\\'b0${run('双减')}\\u8221\\'a1\\'b1${run('下的作业设计')}`, run('平江县第二中学'), '', run('党史学习'),
    run('平江县教育局'), run('文本'), run('案例集'), ''], [false, false, false, true]),
  `\\pard ${run('填表说明：此行以下不是表格')}\\par`,
  '}',
].join('\n');

describe('an RTF file named .doc', () => {
  it('is read as Word writes it: GBK under a charset-134 font, \\uN with fallbacks, merges, fields, pictures skipped', async () => {
    const reading = await readWordTable(
      { filename: '平江县推荐表.doc', contentType: 'application/msword', content: Buffer.from(WORD_STYLE_RTF, 'latin1') }, form);
    if (!reading.ok) throw new Error(reading.reason);
    expect(reading.header).toEqual({ unit: '平江县教育局', contact: '李明', phone: '0730-6221234' });
    expect(reading.rows.map((r) => r.cells)).toEqual([
      { seq: '1', title: '红色家书里的初心', producer: '平江县第一中学', section: '德育', column: '爱国主义',
        copyright: '平江县教育局', format: '视频', summary: '十集系列微课', remark: '样片链接' },
      // The 版块 cell merged down from the row above is that row's.
      { seq: '2', title: '“双减”下的作业设计', producer: '平江县第二中学', section: '德育', column: '党史学习',
        copyright: '平江县教育局', format: '文本', summary: '案例集', remark: '' },
    ]);
  });

  it('stops at groups nested past any editor\'s depth, as a damaged file', async () => {
    const hostile = Buffer.from(`{\\rtf1\\ansi${'{'.repeat(5000)}x${'}'.repeat(5000)}}`, 'latin1');
    const reading = await readWordTable({ filename: 'x.doc', contentType: 'application/msword', content: hostile }, form);
    expect(reading.ok).toBe(false);
  });
});
