// Times the ledger spreadsheet for 10,000 resource rows (target: under 3 s) and reports peak memory.
// Run: npx tsx bench/ledger-workbook.ts [rows]
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LedgerRecord, LedgerState } from '../src/ledger/ledger-types.ts';
import { writeLedgerFile } from '../src/ledger/ledger-workbook.ts';
import { campaign, entryOf, errorOf } from '../test/ledger/ledger-builders.ts';

const PER_SECTION = 5;

/** Filings spread over the campaign's units, every third one returned, until `rows` resource rows exist. */
function stateWithRows(rows: number): LedgerState {
  const state: LedgerState = { records: [], filings: {} };
  const perFiling = PER_SECTION * campaign.sections.length;
  for (let i = 0; i * perFiling < rows; i++) {
    const unit = campaign.units[i % campaign.units.length].name;
    const receivedAt = new Date(Date.UTC(2022, 5, 20) + i * 60_000).toISOString();
    const returned = i % 3 === 2;
    const entry = entryOf({
      unit, decision: returned ? 'reject' : 'accept', receivedAt, perSection: PER_SECTION,
      errors: returned ? [errorOf('NO_STAMP'), errorOf('UNKNOWN_COLUMN')] : [],
    });
    const filings = (state.filings[unit] ??= []);
    const previous = filings.at(-1)?.filing;
    if (previous) previous.current = false;
    const record: LedgerRecord = { entry, filing: { version: filings.length + 1, current: true } };
    filings.push(record);
    state.records.push(record);
  }
  return state;
}

const wanted = Number(process.argv[2] ?? 10_000);
const state = stateWithRows(wanted);
const rowCount = state.records.reduce((sum, r) => sum + r.entry.verdict.resources.length, 0);
const dir = await mkdtemp(join(tmpdir(), 'ledger-bench-'));
try {
  const file = join(dir, 'ledger.xlsx');
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  await writeLedgerFile(state, campaign, file);
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const size = (await stat(file)).size;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(`ledger workbook: ${rowCount} resource rows, ${state.records.length} emails -> ${(size / 1e6).toFixed(2)} MB`);
  // CPU time too: on a shared machine the wall time also counts other processes' turns.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(`time ${seconds.toFixed(2)} s (target < 3 s), cpu ${cpuSeconds.toFixed(2)} s, peak RSS ${peakMb.toFixed(0)} MB`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
