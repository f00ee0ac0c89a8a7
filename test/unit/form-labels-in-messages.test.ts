// Next year's form may name its columns and unit line otherwise (所属版块, 资源名称, 报送单位): a message names them as
// the campaign's form does, never with the 2022 form's words (an outside examiner's 2023 rules file met 拟上线版块).
import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../src/types.ts';
import { decide } from '../../src/verdict/decide.ts';
import { campaign, fullTable, submission } from './helpers.ts';

const HEADERS: Record<string, string> = { title: '资源名称', section: '所属版块', column: '所属栏目' };
const renamed: Campaign = {
  ...campaign,
  form: {
    ...campaign.form,
    headerLine: { ...campaign.form.headerLine, unit: '报送单位' },
    columns: campaign.form.columns.map((c) => ({ ...c, header: HEADERS[c.key] ?? c.header })),
  },
};
const messagesOf = (overrides: Parameters<typeof submission>[1], cells = fullTable(5)) =>
  decide({ ...submission(cells, overrides), campaign: renamed }).errors.map((e) => e.message).join('\n');

describe('messages name the form\'s columns and unit line as the rules do', () => {
  it('UNKNOWN_SECTION, UNKNOWN_COLUMN, DUPLICATE_TITLE and MISSING_FIELD', () => {
    const cells = fullTable(5);
    cells[0] = { ...cells[0], section: '体育' };
    cells[1] = { ...cells[1], column: '体育锻炼' };
    cells[2] = { ...cells[2], title: cells[3].title };
    cells[4] = { ...cells[4], title: '', producer: '' };
    const said = messagesOf({}, cells);
    for (const label of ['第1行“所属版块”填写为“体育”', '第2行“所属栏目”填写为“体育锻炼”', '第3、4行的资源名称重复', '（资源名称为空）']) {
      expect(said).toContain(label);
    }
    expect(said).not.toMatch(/拟上线|资源标题/);
  });

  it('NO_TABLE, UNKNOWN_UNIT and PDF_WORD_MISMATCH', () => {
    const noTable = messagesOf({ words: [{ file: '说明.docx', ok: true, hasTable: false, header: { unit: '', contact: '', phone: '' }, rows: [] }], rows: [] }, []);
    expect(noTable).toContain('（表头应有“资源名称、所属版块、所属栏目”等）');
    const noUnit = messagesOf({ unit: null, header: { unit: '', contact: 'a', phone: '1' } });
    expect(noUnit).toContain('推荐表“报送单位”为空');
    expect(noUnit).toContain('请在“报送单位”处填写单位全称');
    const mismatch = messagesOf({ pdfs: [{ file: '推荐表.pdf', unreadable: null, mismatch: { missingInPdf: ['a'], extraInPdf: [] },
      seals: { found: 1, greyscaleOnly: false, poorScan: null, tooLargeImage: null } }] });
    expect(mismatch).toContain('中的资源名称不一致');
    expect([noTable, noUnit, mismatch].join('\n')).not.toMatch(/拟上线|资源标题|填表单位/);
  });
});
