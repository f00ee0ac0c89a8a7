// How the ledger's cost grows from 30 to 300 to 3,000 emails: recordVerdict into the local Redis one by one, then
// the snapshot read and the spreadsheet written, as the ledger worker does after each verdict.
// Run: bash scripts/services/up.sh && npx tsx bench/pipeline-ledger-growth.ts [counts, e.g. 30,300,3000]
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Redis } from 'ioredis';
import { readServicesEnv } from '../scripts/services/services-env.ts';
import { readLedger, recordVerdict } from '../src/ledger/ledger-store.ts';
import { writeLedgerFile } from '../src/ledger/ledger-workbook.ts';
import { campaign, entryOf, errorOf } from '../test/ledger/ledger-builders.ts';
import { dropPrefix, uniquePrefix } from '../test/ledger/redis-for-tests.ts';

// Five rows per section: a full county table, as the accepted fixtures carry.
const PER_SECTION = 5;
const counts = (process.argv[2] ?? '30,300,3000').split(',').map(Number);
const redis = new Redis(readServicesEnv().redisUrl);
const dir = await mkdtemp(join(tmpdir(), 'ledger-growth-'));

/** Times `work` in wall and CPU milliseconds: on a shared machine the wall time also counts others' turns. */
async function timed(work: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  await work();
  const cpu = process.cpuUsage(cpuStart);
  return { wall: performance.now() - wallStart, cpu: (cpu.user + cpu.system) / 1000 };
}

console.log('emails | recordVerdict: wall ms/email, cpu ms/email | read + spreadsheet: wall s, cpu s, rows, MB | RSS MB');
try {
  for (const count of counts) {
    const prefix = uniquePrefix();
    // Units in turn, every third filing returned: resubmissions and returns as on a real deadline day.
    const entries = Array.from({ length: count }, (_, i) => entryOf({
      unit: campaign.units[i % campaign.units.length].name,
      decision: i % 3 === 2 ? 'reject' : 'accept',
      receivedAt: new Date(Date.UTC(2022, 5, 20) + i * 1000).toISOString(),
      perSection: PER_SECTION,
      errors: i % 3 === 2 ? [errorOf('NO_STAMP')] : [],
    }));
    const record = await timed(async () => { for (const entry of entries) await recordVerdict(redis, prefix, entry); });
    const file = join(dir, `ledger-${count}.xlsx`);
    let rows = 0;
    const sheet = await timed(async () => {
      const state = await readLedger(redis, prefix);
      rows = state.records.reduce((sum, r) => sum + r.entry.verdict.resources.length, 0);
      await writeLedgerFile(state, campaign, file);
    });
    const size = (await stat(file)).size / 1e6;
    console.log(`${String(count).padStart(6)} | ${(record.wall / count).toFixed(2)} ${(record.cpu / count).toFixed(2)} | `
      + `${(sheet.wall / 1000).toFixed(2)} ${(sheet.cpu / 1000).toFixed(2)} ${rows} ${size.toFixed(2)} | ${(process.memoryUsage().rss / 1048576).toFixed(0)}`);
    await dropPrefix(redis, prefix);
  }
} finally {
  redis.disconnect();
  await rm(dir, { recursive: true, force: true });
}
