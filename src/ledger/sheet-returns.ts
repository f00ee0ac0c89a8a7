// Sheet 退回记录: every returned email, one line per reason, in the order the emails were received, each saying what
// became of it since (refiled and accepted, an accepted version still standing, or no accepted version yet).
import type { Campaign, Finding } from '../types.ts';
import { codeLabel } from './code-labels.ts';
import { returnFollowUp } from './filing-fate.ts';
import { filerLabel, type LedgerRecord, type LedgerState } from './ledger-types.ts';
import { wallClock, writeTableSheet, type ColumnDef, type LedgerBook } from './sheet-kit.ts';
import { UNKNOWN_UNIT_LABEL } from './sheet-details.ts';

interface ReturnRow { record: LedgerRecord; reason: Finding; n: number }

export function writeReturnsSheet(book: LedgerBook, campaign: Campaign, state: LedgerState): void {
  const zone = campaign.deadline.timeZone;
  const followUp = new Map(state.records.map((r) => [r, returnFollowUp(state, r)]));
  const columns: ColumnDef<ReturnRow>[] = [
    { header: '单位', width: 14, value: (r) => filerLabel(r.record.entry.verdict) ?? UNKNOWN_UNIT_LABEL },
    { header: '收到时间', width: 17, date: true, value: (r) => wallClock(r.record.entry.verdict.receivedAt, zone) },
    { header: '退回时间', width: 17, date: true, value: (r) => wallClock(r.record.entry.handledAt, zone) },
    { header: '邮件主题', width: 28, wrap: true, value: (r) => r.record.entry.subject },
    { header: '发件人', width: 22, value: (r) => r.record.entry.from },
    { header: '版本', width: 6, value: (r) => r.record.filing?.version ?? null },
    // A returned filing never counts; what matters is whether the unit has an accepted version since.
    { header: '后续', width: 22, wrap: true, value: (r) => followUp.get(r.record) ?? '' },
    { header: '问题序号', width: 6, value: (r) => r.n },
    { header: '问题类别', width: 14, value: (r) => codeLabel(r.reason.code) },
    { header: '代码', width: 18, value: (r) => r.reason.code },
    { header: '问题说明', width: 60, wrap: true, value: (r) => r.reason.message },
    { header: '文件', width: 22, wrap: true, value: (r) => r.reason.file ?? '' },
    { header: '行', width: 5, value: (r) => r.reason.row ?? null },
  ];
  const rows = state.records
    .filter((r) => r.entry.verdict.decision === 'reject')
    .sort((a, b) => Date.parse(a.entry.verdict.receivedAt) - Date.parse(b.entry.verdict.receivedAt))
    .flatMap((record) => record.entry.verdict.errors.map((reason, i) => ({ record, reason, n: i + 1 })));
  writeTableSheet(book, { name: '退回记录', columns, rows });
}
