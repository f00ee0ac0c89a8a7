// `check`: the offline verdict for each .eml given, as JSON Lines (--json) or a short readable summary.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { EMAIL_TIME_LIMIT_MS } from '../limits.ts';
import { PipelineRunner } from '../pipeline/thread/pipeline-runner.ts';
import type { Verdict } from '../types.ts';
import { filerLabel } from '../ledger/ledger-types.ts';
import { instantOfIsoTime } from '../time/zoned.ts';

export async function runCheckCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      received: { type: 'string' },
      campaign: { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new Error('check 需要至少一个 .eml 文件');
  const received = values.received;
  if (received !== undefined && !instantOfIsoTime(received, 'UTC')) {
    throw new Error(`--received 不是 ISO-8601 时间: ${received}`);
  }
  // Every path is checked before any work, so a typo fails the whole call at once instead of half-way.
  for (const file of positionals) {
    if (!statSync(file, { throwIfNoEntry: false })?.isFile()) throw new Error(`无法读取文件: ${file}`);
  }
  // The bot's own bounds (decideBounded): a file that holds the pipeline past its limit is named unreadable, an email
  // too large or past its time is answered from its header.
  // The thread starts first and loads pdf.js and the Word readers on the other core while this one loads the rest.
  const pipeline = new PipelineRunner(EMAIL_TIME_LIMIT_MS);
  pipeline.start();
  try {
    const { loadCampaign } = await import('../rules/load-campaign.ts');
    const { decideBounded } = await import('../pipeline/decide-bounded.ts');
    const campaign = loadCampaign(values.campaign);
    // A time without an offset is the campaign's local time, as its deadline is.
    const receivedAt = received === undefined ? undefined : instantOfIsoTime(received, campaign.deadline.timeZone)!;
    for (const file of positionals) {
      const options = { campaign, campaignFile: values.campaign, receivedAt, file: basename(file) };
      const { verdict } = await decideBounded(pipeline, readFileSync(file), options);
      process.stdout.write(values.json ? `${JSON.stringify(verdict)}\n` : summary(verdict));
    }
  } finally {
    await pipeline.close();
  }
  return 0;
}

const DECISION_WORDS = { accept: '受理', reject: '退回', ignore: '不处理' } as const;

function summary(v: Verdict): string {
  const head = `${v.file}: ${DECISION_WORDS[v.decision]}  单位=${filerLabel(v) ?? '未知'}  资源=${v.resources.length}  收到=${v.receivedAt}`;
  const lines = [...v.errors.map((f) => `  ✗ ${f.code} ${f.message}`), ...v.warnings.map((f) => `  ! ${f.code} ${f.message}`)];
  return [head, ...lines, ''].join('\n');
}
