// Exactly-once under crashes, on the local services (loopback only): a burst of county emails while the bot is
// SIGKILLed and restarted, its Redis restarted, its IMAP connections dropped and its replies refused (451) a while.
// Run: npx tsx bench/chaos-exactly-once.ts [--emails 120] [--kills 4] [--imap-drops 2] [--refusal-s 20] [--seed 1]
import { parseArgs } from 'node:util';
import { runChaos } from '../test/chaos/chaos-run.ts';

const { values } = parseArgs({
  options: {
    emails: { type: 'string', default: '120' },
    kills: { type: 'string', default: '4' },
    'imap-drops': { type: 'string', default: '2' },
    'refusal-s': { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    'timeout-min': { type: 'string', default: '30' },
  },
});

const result = await runChaos({
  emails: Number(values.emails),
  kills: Number(values.kills),
  imapDrops: Number(values['imap-drops']),
  smtpRefusalMs: Number(values['refusal-s']) * 1000,
  seed: Number(values.seed),
  timeoutMs: Number(values['timeout-min']) * 60_000,
  say: (line) => console.log(`  ${line}`),
});

const { tally } = result;
console.log(`\nchaos run: ${(result.elapsedMs / 1000).toFixed(0)} s, seed ${values.seed}`);
console.log(`  sent ${tally.sent}  verdicts ${tally.verdicts}  replies ${tally.replies}  duplicates ${tally.duplicates}  lost ${tally.lost}  resent after a kill mid-SMTP ${tally.resentAfterKill}`);
console.log(`  replies refused with 451 and retried ${result.smtpRefusals}`);
console.log(`  wrong verdicts ${tally.wrongVerdicts}  replies to ignored mail ${tally.repliesToIgnored}  misfiled ${tally.misfiled}  spreadsheet mismatches ${tally.sheetMismatches}`);
const clean = tally.duplicates + tally.lost + tally.wrongVerdicts + tally.repliesToIgnored + tally.misfiled + tally.sheetMismatches === 0;
console.log(clean ? 'exactly once: yes' : 'exactly once: NO');
process.exit(clean ? 0 : 1);
