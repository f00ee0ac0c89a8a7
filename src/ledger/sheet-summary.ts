// Sheet 汇总: one row per unit, its accepted current filing's rows per section against its quota, status and late
// mark (a unit whose institutions file on their own: a row for them together, then one per institution), and below
// the table, outside its filter, a row of accepted totals against the campaign's expected minimum. A returned unit's
// rows do not count: its section cells stay empty, its returned version's rows are shown apart.
import type ExcelJS from 'exceljs';
import type { Campaign } from '../types.ts';
import { shareLinkLabel } from '../validate/share-links.ts';
import type { LedgerState } from './ledger-types.ts';
import { NOT_COUNTED_FONT, wallClock, writeTableSheet, type ColumnDef, type LedgerBook } from './sheet-kit.ts';
import { expectedMinimum, STATUS_LABEL, type UnitStanding } from './unit-standing.ts';
import { shareLinksOfUnit } from './unit-share-links.ts';

interface SummaryRow {
  /** Null on the totals row. */
  standing: UnitStanding | null;
  unit: string;
  quota: number | null;
  /** Rows per section that count (accepted current filings); null where the unit has none. */
  counts: number[] | null;
  /** Rows of a returned current filing, which do not count. */
  returnedRows: number | null;
  minimum: number;
  status: string;
  short: string;
  /** The form's 联系人 and 联系电话 of the latest current filing; empty on a unit's row above its institutions'. */
  contact: string;
  phone: string;
  /** The 网盘 links the unit sent its resources by (shareLinksOfUnit); empty on a unit's row above its institutions'. */
  links: string;
  lastFiled: Date | null;
  late: string;
  filings: number;
  version: number | null;
}

// 单位 and 每版块最低条数 come first.
const FIRST_SECTION_COLUMN = 3;
const SHORT_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } } as const;

export function writeSummarySheet(book: LedgerBook, campaign: Campaign, state: LedgerState, standings: UnitStanding[]): void {
  const zone = campaign.deadline.timeZone;
  const rowOf = (s: UnitStanding): SummaryRow => ({
    standing: s,
    // An institution's row under its unit's.
    unit: s.filer ? `　${s.filer}` : s.unit.name,
    quota: s.unit.quota,
    counts: s.status === 'accepted' ? s.counts : null,
    returnedRows: s.status === 'returned' ? sum(s.counts) : null,
    minimum: s.unit.quota * campaign.sections.length,
    status: s.status === 'returned' ? `${STATUS_LABEL.returned}（不计入）` : STATUS_LABEL[s.status],
    short: shortfall(s),
    ...contactOf(s),
    links: s.members.length ? '' : shareLinksOfUnit(state, s).map(shareLinkLabel).join('\n'),
    lastFiled: s.currents.length ? wallClock(s.currents.at(-1)!.entry.verdict.receivedAt, zone) : null,
    late: s.late ? '逾期' : '',
    filings: s.filings.length,
    version: s.currents.length === 1 && !s.members.length ? s.currents[0].filing?.version ?? null : null,
  });
  const rows = standings.flatMap((s) => [rowOf(s), ...s.members.map(rowOf)]);
  const columns: ColumnDef<SummaryRow>[] = [
    { header: '单位', width: 22, value: (r) => r.unit },
    { header: '每版块最低条数', width: 9, value: (r) => r.quota },
    ...campaign.sections.map((section, i): ColumnDef<SummaryRow> => ({ header: section.name, width: 10, value: (r) => r.counts?.[i] ?? null })),
    { header: '合计条数（已受理）', width: 10, value: (r) => (r.counts ? sum(r.counts) : null) },
    { header: '最低应报条数', width: 9, value: (r) => r.minimum },
    { header: '状态', width: 20, value: (r) => r.status },
    { header: '退回版本条数（不计入）', width: 12, value: (r) => r.returnedRows },
    { header: '不足版块（现有/最低）', width: 30, value: (r) => r.short, wrap: true },
    { header: '联系人', width: 10, value: (r) => r.contact },
    { header: '联系电话', width: 15, value: (r) => r.phone },
    { header: '资源网盘链接（提取码）', width: 36, wrap: true, value: (r) => r.links },
    { header: '当前版本报送时间', width: 17, value: (r) => r.lastFiled, date: true },
    { header: '逾期', width: 7, value: (r) => r.late },
    { header: '报送次数', width: 7, value: (r) => r.filings },
    { header: '当前版本', width: 7, value: (r) => r.version },
  ];
  writeTableSheet(book, {
    name: '汇总', columns, rows, frozenColumns: 1, footer: [totalsRow(campaign, standings)],
    styleRow: (row, item) => styleSummaryRow(row, item.standing),
  });
}

const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);

/** The sections short of the quota: of the accepted filing, or named as the returned version's. */
function shortfall(s: UnitStanding): string {
  const text = s.short.map((x) => `${x.section} ${x.have}/${x.need}`).join('、');
  return text && s.status === 'returned' ? `退回版本：${text}` : text;
}

/** Whom to call about the unit: as its current filing's form names them. */
function contactOf(s: UnitStanding): { contact: string; phone: string } {
  const form = s.members.length ? null : s.currents.at(-1)?.entry.verdict.form;
  return { contact: form?.contact ?? '', phone: form?.phone ?? '' };
}

/** Marks the sections an accepted unit is short in; the totals row in bold; rows that do not count in grey. */
function styleSummaryRow(row: ExcelJS.Row, standing: UnitStanding | null): void {
  if (!standing) {
    row.font = { bold: true };
    return;
  }
  if (standing.status !== 'accepted') {
    if (standing.status === 'returned') row.font = NOT_COUNTED_FONT;
    return;
  }
  standing.counts.forEach((count, j) => {
    if (count < standing.unit.quota) row.getCell(j + FIRST_SECTION_COLUMN).fill = SHORT_FILL;
  });
}

/** Totals of the accepted current filings, against everyone's quota. */
function totalsRow(campaign: Campaign, standings: UnitStanding[]): SummaryRow {
  const accepted = standings.filter((s) => s.status === 'accepted');
  const tally = (status: UnitStanding['status']) => standings.filter((s) => s.status === status).length;
  return {
    standing: null,
    unit: '已受理合计',
    quota: null,
    counts: campaign.sections.map((_, i) => accepted.reduce((total, s) => total + s.counts[i], 0)),
    returnedRows: null,
    minimum: expectedMinimum(campaign),
    status: (['accepted', 'returned', 'none'] as const).map((k) => `${STATUS_LABEL[k]} ${tally(k)}`).join(' / '),
    short: '',
    contact: '',
    phone: '',
    links: '',
    lastFiled: null,
    late: '',
    filings: standings.reduce((total, s) => total + s.filings.length, 0),
    version: null,
  };
}
