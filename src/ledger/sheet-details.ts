// Sheet 明细: every resource row of every filing, accepted or returned, old versions included; its first column 计入
// says which rows count (the accepted current filings), the others greyed, so one filter gives the campaign's rows.
import type { Campaign, FieldKey, Resource } from '../types.ts';
import { decisionLabel } from './code-labels.ts';
import { counts, filingStanding } from './filing-fate.ts';
import { filerLabel, type LedgerRecord, type LedgerState } from './ledger-types.ts';
import { NOT_COUNTED_FONT, wallClock, yesNo, writeTableSheet, type ColumnDef, type LedgerBook } from './sheet-kit.ts';

interface DetailRow { record: LedgerRecord; resource: Resource }

// The resource fields in the order staff read them; their headers come from the campaign's form.
const FIELDS: { key: Exclude<FieldKey, 'seq'>; width: number; wrap?: boolean }[] = [
  { key: 'section', width: 10 }, { key: 'column', width: 14 }, { key: 'title', width: 30, wrap: true },
  { key: 'producer', width: 18, wrap: true }, { key: 'copyright', width: 18, wrap: true }, { key: 'format', width: 9 },
  { key: 'summary', width: 40, wrap: true }, { key: 'remark', width: 16, wrap: true },
];

export const UNKNOWN_UNIT_LABEL = '（未识别单位）';

export function writeDetailsSheet(book: LedgerBook, campaign: Campaign, state: LedgerState): void {
  const zone = campaign.deadline.timeZone;
  const headerOf = new Map(campaign.form.columns.map((c) => [c.key, c.header]));
  const standingOf = new Map(state.records.map((r) => [r, filingStanding(state, r)]));
  const columns: ColumnDef<DetailRow>[] = [
    { header: '计入', width: 6, value: (r) => yesNo(counts(r.record)) },
    { header: '单位', width: 14, value: (r) => filerLabel(r.record.entry.verdict) ?? UNKNOWN_UNIT_LABEL },
    ...FIELDS.filter((f) => headerOf.has(f.key)).map((f): ColumnDef<DetailRow> => ({
      header: headerOf.get(f.key)!, width: f.width, wrap: f.wrap, value: (r) => r.resource[f.key],
    })),
    { header: `表内${headerOf.get('seq') ?? '序号'}`, width: 6, value: (r) => r.resource.seq },
    { header: '联系人', width: 10, value: (r) => r.record.entry.verdict.form?.contact ?? '' },
    { header: '联系电话', width: 15, value: (r) => r.record.entry.verdict.form?.phone ?? '' },
    { header: '来源邮件主题', width: 28, wrap: true, value: (r) => r.record.entry.subject },
    { header: '发件人', width: 22, value: (r) => r.record.entry.from },
    { header: 'Message-ID', width: 24, value: (r) => r.record.entry.verdict.messageId },
    { header: '收到时间', width: 17, date: true, value: (r) => wallClock(r.record.entry.verdict.receivedAt, zone) },
    { header: '结论', width: 6, value: (r) => decisionLabel(r.record.entry.verdict.decision) },
    { header: '版本', width: 6, value: (r) => r.record.filing?.version ?? null },
    { header: '是否计入及原因', width: 30, wrap: true, value: (r) => standingOf.get(r.record) ?? '' },
  ];
  const rows = byUnitThenReceived(state.records, campaign)
    .flatMap((record) => record.entry.verdict.resources.map((resource) => ({ record, resource })));
  writeTableSheet(book, {
    name: '明细', columns, rows, frozenColumns: 2,
    styleRow: (row, item) => { if (!counts(item.record)) row.font = NOT_COUNTED_FONT; },
  });
}

/** Filings grouped by unit in the campaign's order (unknown units last), each unit's oldest first. */
function byUnitThenReceived(records: LedgerRecord[], campaign: Campaign): LedgerRecord[] {
  const rank = new Map(campaign.units.map((u, i) => [u.name, i]));
  const unitRank = (r: LedgerRecord) => rank.get(r.entry.verdict.unit ?? '') ?? campaign.units.length;
  return records
    .filter((r) => r.entry.verdict.decision !== 'ignore')
    .map((r) => ({ r, unit: unitRank(r), at: Date.parse(r.entry.verdict.receivedAt) }))
    .sort((a, b) => a.unit - b.unit || a.at - b.at)
    .map(({ r }) => r);
}
