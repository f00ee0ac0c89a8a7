// The ledger spreadsheet: a projection of the ledger state, rebuilt whole each time and swapped in atomically.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Campaign } from '../types.ts';
import { writeFileAtomic } from '../files/write-atomic.ts';
import type { LedgerState } from './ledger-types.ts';
import { writeDetailsSheet } from './sheet-details.ts';
import { writeEmailsSheet } from './sheet-emails.ts';
import { writeReturnsSheet } from './sheet-returns.ts';
import { writeSummarySheet } from './sheet-summary.ts';
import { unitStandings } from './unit-standing.ts';

/** The .xlsx bytes, e.g. to attach to the daily ledger email. */
export async function ledgerWorkbookBytes(state: LedgerState, campaign: Campaign): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise((resolve, reject) => { sink.on('end', resolve); sink.on('error', reject); });
  // The streaming writer: each row leaves memory once written, several times faster than the in-memory workbook.
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  book.creator = campaign.collector.name;
  book.title = `${campaign.name} 报送台账`;
  writeSummarySheet(book, campaign, state, unitStandings(state, campaign));
  writeDetailsSheet(book, campaign, state);
  writeReturnsSheet(book, campaign, state);
  writeEmailsSheet(book, campaign, state);
  await book.commit();
  await finished;
  return Buffer.concat(chunks);
}

/** Writes the spreadsheet to `path`: readers see the previous file or the new one, never a partial one. */
export async function writeLedgerFile(state: LedgerState, campaign: Campaign, path: string): Promise<void> {
  await writeFileAtomic(path, await ledgerWorkbookBytes(state, campaign));
}
