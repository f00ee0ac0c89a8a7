import { describe, expect, it } from 'vitest';
import { decide } from '../../src/verdict/decide.ts';
import { campaign, codes, email, fullTable, row, submission } from './helpers.ts';

describe('deciding a submission', () => {
  it('accepts a complete, on-time table from the registered sender with no findings', () => {
    const decided = decide(submission(fullTable(5)));
    expect(decided).toEqual({ decision: 'accept', errors: [], warnings: [] });
  });

  it('is on time at 23:59 on the deadline day and late from 00:00 the next day, Shanghai time', () => {
    const at = (iso: string) => decide(submission(fullTable(5), { email: email({ receivedAt: new Date(iso) }) }));
    expect(codes(at('2022-07-04T23:59:59+08:00').errors)).toEqual([]);
    const late = at('2022-07-05T00:00:00+08:00');
    expect(codes(late.errors)).toEqual(['LATE']);
    expect(late.errors[0].message).toContain('2022年7月5日 00:00');
    expect(late.errors[0].message).toContain('2022年7月4日');
  });

  it('lists every short section with what it has and what it needs', () => {
    const cells = fullTable(5).filter((c, i) => !(c.section === '劳动教育' && i % 5 < 2) && c.section !== '家庭教育');
    const { errors } = decide(submission(cells));
    expect(codes(errors)).toEqual(['QUOTA_SHORTFALL']);
    expect(errors[0].message).toContain('劳动教育（已报3条，需5条，3/5）');
    expect(errors[0].message).toContain('家庭教育（已报0条，需5条，0/5）');
    expect(errors[0].message).not.toContain('德育（');
  });

  it('uses the quota of the unit that filed: 市直学校 need one per section', () => {
    const cells = fullTable(1);
    const s = submission(cells, { header: { unit: '岳阳市第一中学', contact: '王老师', phone: '0730-8888888' } });
    s.unit = { unit: campaign.units.find((u) => u.name === '市直学校')!, source: 'form', filer: '岳阳市第一中学' };
    expect(codes(decide(s).errors)).toEqual([]);
  });

  it('names an unknown section, suggests the closest, and does not count the row', () => {
    const cells = fullTable(5);
    cells[0] = row('德育教育', '党史学习', '党史故事');
    const { errors } = decide(submission(cells));
    expect(codes(errors)).toEqual(['UNKNOWN_SECTION', 'QUOTA_SHORTFALL']);
    expect(errors[0]).toMatchObject({ row: 1, file: '推荐表.docx' });
    expect(errors[0].message).toContain('是否应为“德育”');
  });

  it('accepts column names that differ only in spacing, width or quotes', () => {
    const cells = fullTable(5);
    cells[25] = row('教改经验', '落实双减', '双减案例');
    cells[26] = row('教改经验', '落实"双减"', '双减案例二');
    cells[0] = row('德 育', '党史　学习', '党史三');
    expect(decide(submission(cells)).errors).toEqual([]);
  });

  it('says which section a misplaced column belongs to, and suggests near misses', () => {
    const cells = fullTable(5);
    cells[0] = row('德育', '科普教育', '科普一');
    cells[1] = row('德育', '党史学系', '党史二');
    const { errors } = decide(submission(cells));
    expect(codes(errors)).toEqual(['UNKNOWN_COLUMN', 'UNKNOWN_COLUMN']);
    expect(errors[0].message).toContain('“科普教育”是“课后服务”版块的栏目');
    expect(errors[1].message).toContain('是否应为“党史学习”');
  });

  it('lists every empty required field of a row in one finding', () => {
    const cells = fullTable(5);
    cells[3] = { ...cells[3], producer: '', copyright: ' ', format: '' };
    const { errors } = decide(submission(cells));
    expect(codes(errors)).toEqual(['MISSING_FIELD']);
    expect(errors[0].row).toBe(4);
    expect(errors[0].message).toContain('未填写“资源制作方”、“资源版权方”、“资源格式”（必填项）。');
  });

  it('reports two rows with the same title, whatever their spacing', () => {
    const cells = fullTable(5);
    cells[7] = { ...cells[7], title: '德育资源 1' };
    const { errors } = decide(submission(cells));
    expect(codes(errors)).toEqual(['DUPLICATE_TITLE']);
    expect(errors[0].message).toContain('第1、8行');
  });

  it('names a row copied many times by a range of rows, not every number', () => {
    const cells = fullTable(5);
    for (const i of [10, 11, 12, 13, 20, 21]) cells[i] = { ...cells[i], title: cells[2].title };
    const { errors } = decide(submission(cells));
    expect(codes(errors)).toEqual(['DUPLICATE_TITLE']);
    expect(errors[0].message).toContain('第3、11至14、21、22行');
  });

  it('warns, without rejecting, about contact details, odd formats and an empty contact line', () => {
    const cells = fullTable(5);
    cells[0] = { ...cells[0], summary: '详情请扫码关注公众号' };
    cells[1] = { ...cells[1], remark: '咨询电话 13812345678' };
    cells[2] = { ...cells[2], format: '高清' };
    const s = submission(cells, { header: { unit: '湘阴县教育局', contact: '', phone: '' } });
    const decided = decide(s);
    expect(decided.decision).toBe('accept');
    expect(codes(decided.warnings)).toEqual(['CONTACT_INFO', 'CONTACT_INFO', 'UNKNOWN_FORMAT', 'MISSING_CONTACT']);
    expect(decided.warnings[1].message).toContain('手机号码');
    expect(decided.warnings[3].message).toContain('“联系人”和“联系电话”');
  });

  it('recognises media formats inside longer values, in either case or width', () => {
    const cells = fullTable(5);
    cells[0] = { ...cells[0], format: 'ＭＰ４视频' };
    cells[1] = { ...cells[1], format: 'PPT课件' };
    // What counties also write (an outside examiner's list): none is an unknown format.
    ['Word', '电子书', '网页', 'VR全景', '长图', '直播回放'].forEach((format, i) => { cells[2 + i] = { ...cells[2 + i], format }; });
    expect(decide(submission(cells)).warnings).toEqual([]);
  });

  it('does not warn about the sender of a unit that has no registered address', () => {
    const s = submission(fullTable(5), { email: email({ from: { address: 'someone@qq.com', name: '' } }) });
    s.unit = { unit: campaign.units.find((u) => u.name === '平江县')!, source: 'form', filer: null };
    expect(decide(s).warnings).toEqual([]);
  });

  it('warns staff when the receiving server says the sender domain failed DKIM, SPF or DMARC', () => {
    const forged = email({ authResults: ['mx.126.com; dkim=fail header.d=126.com; spf=softfail smtp.mailfrom=126.com; dmarc=fail'] });
    const { warnings, decision } = decide(submission(fullTable(5), { email: forged }));
    expect(decision).toBe('accept');
    expect(codes(warnings)).toEqual(['SENDER_NOT_AUTHENTICATED']);
    expect(warnings[0].message).toContain('DKIM fail、SPF softfail、DMARC fail');
  });

  it('warns when the sender is not registered for the unit the form names', () => {
    const s = submission(fullTable(5), { email: email({ from: { address: 'someone@qq.com', name: '' } }) });
    const { warnings, decision } = decide(s);
    expect(decision).toBe('accept');
    expect(codes(warnings)).toEqual(['UNREGISTERED_SENDER']);
    expect(warnings[0].message).toContain('someone@qq.com');
  });

  it('rejects for a missing PDF and a missing Word file together, naming what did come', () => {
    const s = submission(fullTable(5), { words: [], pdfs: [], otherFiles: ['推荐表.xlsx'] });
    const { errors } = decide(s);
    expect(codes(errors)).toEqual(['MISSING_PDF', 'MISSING_WORD']);
    expect(errors[0].message).toContain('《推荐表.xlsx》');
  });

  it('names what did come once each, leaving out parts without a name (a calendar invitation, an inline image)', () => {
    const s = submission(fullTable(5), { words: [], pdfs: [], otherFiles: ['推荐表.xlsx', '', '推荐表.xlsx', 'logo.png'] });
    expect(decide(s).errors[0].message).toContain('（收到的附件：《推荐表.xlsx》、《logo.png》）');
  });

  it('names each unreadable attachment with its reason', () => {
    const s = submission(fullTable(5), {
      pdfs: [{ file: '盖章.pdf', unreadable: '文件已加密（设有密码）', mismatch: null, seals: null }],
    });
    const { errors } = decide(s);
    expect(codes(errors)).toEqual(['UNREADABLE_ATTACHMENT']);
    expect(errors[0].message).toContain('《盖章.pdf》文件已加密');
  });

  it('returns a Word file without the table and a PDF without a seal, without counting a table it never read', () => {
    const s = submission([], {
      words: [{ file: '报送函.docx', ok: true, hasTable: false, header: { unit: '', contact: '', phone: '' }, rows: [] }],
      pdfs: [{ file: '推荐表.pdf', unreadable: null, mismatch: null, seals: { found: 0, greyscaleOnly: true, poorScan: null, tooLargeImage: null } }],
      header: null,
    });
    const { errors } = decide(s);
    expect(codes(errors)).toEqual(['NO_TABLE', 'NO_STAMP']);
    expect(errors[1].message).toContain('彩色');
  });

  it.each([
    [{ dpi: 100, quality: 2 }, '（分辨率约100 dpi，JPEG图像质量约2/100）'],
    [{ dpi: 60, quality: null }, '（分辨率约60 dpi，JPEG图像质量不明）'],
  ])('asks for a better scan, not for a seal, when the PDF is a scan too coarse or compressed (%o)', (poorScan, said) => {
    const s = submission(fullTable(5), {
      pdfs: [{ file: '推荐表.pdf', unreadable: null, mismatch: null, seals: { found: 0, greyscaleOnly: false, poorScan, tooLargeImage: null } }],
    });
    const { errors } = decide(s);
    expect(codes(errors)).toEqual(['NO_STAMP']);
    expect(errors[0].message).toContain(`《推荐表.pdf》是不清晰的扫描件${said}`);
  });

  it('lists the titles that differ between the PDF and the Word table', () => {
    const s = submission(fullTable(5), {
      pdfs: [{ file: '推荐表.pdf', unreadable: null, mismatch: { missingInPdf: ['德育资源1'], extraInPdf: ['德育资源一'] }, seals: { found: 1, greyscaleOnly: false, poorScan: null, tooLargeImage: null } }],
    });
    const { errors } = decide(s);
    expect(codes(errors)).toEqual(['PDF_WORD_MISMATCH']);
    expect(errors[0].message).toContain('Word中有、PDF中没有：“德育资源1”');
  });

  it('names a title missing many times once, with its count, and says how many in all when it lists only some', () => {
    const missingInPdf = [...Array(3000).fill('德育资源1'), '德育资源2', '德育资源3', '德育资源4'];
    const s = submission(fullTable(5), {
      pdfs: [{ file: '推荐表.pdf', unreadable: null, mismatch: { missingInPdf, extraInPdf: [] }, seals: { found: 1, greyscaleOnly: false, poorScan: null, tooLargeImage: null } }],
    });
    expect(decide(s).errors[0].message).toContain('Word中有、PDF中没有：“德育资源1”（3000条）、“德育资源2”、“德育资源3”等3003条）');
  });

  it('cannot tell the unit without any clue, and then does not judge the quota', () => {
    const s = submission(fullTable(1), { unit: null, header: { unit: '（盖章）', contact: 'a', phone: '1' } });
    expect(codes(decide(s).errors)).toEqual(['UNKNOWN_UNIT']);
  });
});

describe('the nearest valid name suggested', () => {
  it('is a slip of a character, not another name that shares a word', () => {
    const cells = fullTable(5);
    cells[0] = { ...cells[0], section: '思政教育' };
    cells[1] = { ...cells[1], section: '家庭教肓' };
    const [other, slip] = decide(submission(cells)).errors.map((e) => e.message);
    expect(other).not.toContain('是否应为');
    expect(slip).toContain('是否应为“家庭教育”？');
  });
});
