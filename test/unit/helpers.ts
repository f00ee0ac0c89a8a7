// Builders for the pure-stage tests: an Email and a Submission in the shape the pipeline would make them.
import { loadCampaign } from '../../src/rules/load-campaign.ts';
import type { Email, FieldKey } from '../../src/types.ts';
import type { Submission, TableRow } from '../../src/validate/submission.ts';
import { identifyUnit } from '../../src/validate/identify-unit.ts';

export const campaign = loadCampaign();

export function email(overrides: Partial<Email> = {}): Email {
  return {
    messageId: '<test@county.test>',
    from: { address: 'xyxjyj@126.com', name: '湘阴县教育局' },
    to: [{ address: 'yysyj@126.com', name: '' }],
    subject: '湘阴县专题资源推荐表',
    text: '',
    receivedAt: new Date('2022-07-01T06:20:11Z'),
    headers: {},
    authResults: [],
    partTypes: ['multipart/mixed'],
    attachments: [],
    ...overrides,
  };
}

type Cells = Partial<Record<FieldKey, string>>;

/** A complete valid row in a given section/column. */
export function row(section: string, column: string, title: string, extra: Cells = {}): Cells {
  return { seq: '', title, producer: '某县第一中学', section, column, copyright: '某县教育局', format: '视频', summary: '简介', remark: '', ...extra };
}

/** A full table meeting a quota of `perSection` in every section (first column of each section). */
export function fullTable(perSection: number): Cells[] {
  return campaign.sections.flatMap((s) =>
    Array.from({ length: perSection }, (_, i) => row(s.name, s.columns[i % s.columns.length], `${s.name}资源${i + 1}`)));
}

export function submission(cells: Cells[], overrides: Partial<Submission> = {}): Submission {
  const rows: TableRow[] = cells.map((c, i) => ({ file: '推荐表.docx', position: i + 1, cells: c }));
  const header = { unit: '湘阴县教育局', contact: '易晓红', phone: '0730-2221806' };
  const mail = overrides.email ?? email();
  return {
    campaign,
    email: mail,
    words: [{ file: '推荐表.docx', ok: true, hasTable: true, header, rows: cells.map((c) => ({ cells: c })) }],
    pdfs: [{ file: '推荐表.pdf', unreadable: null, mismatch: null, seals: { found: 1, greyscaleOnly: false, poorScan: null, tooLargeImage: null } }],
    otherFiles: [],
    notRead: null,
    largeAttachments: [],
    header,
    rows,
    unit: identifyUnit(campaign, { formUnit: header.unit, subject: mail.subject, fileNames: [], sender: mail.from?.address ?? '' }),
    severalUnits: [],
    ...overrides,
  };
}

export const codes = (findings: { code: string }[]) => findings.map((f) => f.code);
