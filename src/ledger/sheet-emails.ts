// Sheet 邮件: every email the bot handled, ignored ones included, with what it decided and why.
import type { Campaign, Finding } from '../types.ts';
import { shareLinkLabel } from '../validate/share-links.ts';
import { codeLabel, decisionLabel } from './code-labels.ts';
import { counts, filingStanding } from './filing-fate.ts';
import { filingWarnings } from './filing-warnings.ts';
import { filerLabel, isUnitFiling, type LedgerRecord, type LedgerState } from './ledger-types.ts';
import { wallClock, yesNo, writeTableSheet, type ColumnDef, type LedgerBook } from './sheet-kit.ts';

export function writeEmailsSheet(book: LedgerBook, campaign: Campaign, state: LedgerState): void {
  const zone = campaign.deadline.timeZone;
  const columns: ColumnDef<LedgerRecord>[] = [
    { header: '处理时间', width: 17, date: true, value: (r) => wallClock(r.entry.handledAt, zone) },
    { header: '收到时间', width: 17, date: true, value: (r) => wallClock(r.entry.verdict.receivedAt, zone) },
    { header: '发件人', width: 24, value: (r) => r.entry.from },
    { header: '邮件主题', width: 30, wrap: true, value: (r) => r.entry.subject },
    { header: 'Message-ID', width: 24, value: (r) => r.entry.verdict.messageId },
    { header: '单位', width: 14, value: (r) => filerLabel(r.entry.verdict) ?? '' },
    { header: '结论', width: 6, value: (r) => decisionLabel(r.entry.verdict.decision) },
    { header: '原因', width: 24, wrap: true, value: (r) => labels(reasonsOf(r, zone)) },
    { header: '说明', width: 50, wrap: true, value: (r) => reasonsOf(r, zone).map((f) => f.message).join('\n') },
    { header: '资源条数', width: 7, value: (r) => r.entry.verdict.resources.length },
    { header: '网盘链接（提取码）', width: 36, wrap: true, value: (r) => (r.entry.verdict.shareLinks ?? []).map(shareLinkLabel).join('\n') },
    { header: '版本', width: 6, value: (r) => r.filing?.version ?? null },
    { header: '计入', width: 6, value: (r) => (r.entry.verdict.decision === 'ignore' ? '' : yesNo(counts(r))) },
    { header: '是否计入及原因', width: 30, wrap: true, value: (r) => filingStanding(state, r) },
    { header: '归档文件', width: 30, value: (r) => r.entry.archivePath ?? '' },
    // Where it arrived: once answered it is moved to 已受理 or 已退回, under another number.
    { header: '到达时邮箱位置', width: 18, value: (r) => (r.entry.place ? `${r.entry.place.mailbox} #${r.entry.place.uid}` : '') },
    { header: '邮件编号', width: 20, value: (r) => r.entry.emailId },
  ];
  writeTableSheet(book, { name: '邮件', columns, rows: state.records });
}

/** Why: a return's errors, otherwise its warnings (an ignore code is reported among the warnings), then what its
 *  reply said of the unit's other filings. */
function reasonsOf(record: LedgerRecord, timeZone: string): Finding[] {
  const { verdict } = record.entry;
  const own = verdict.decision === 'reject' ? verdict.errors : verdict.warnings;
  return isUnitFiling(verdict) && record.recorded ? [...own, ...filingWarnings(verdict, record.recorded, timeZone)] : own;
}

function labels(findings: Finding[]): string {
  return [...new Set(findings.map((f) => codeLabel(f.code)))].join('、');
}
