// Waiting for a chaos run to come to rest: every email handled, no job left to run, the spreadsheet complete.
import { Queue } from 'bullmq';
import { QUEUE } from '../../src/service/jobs.ts';
import { handledEmails, type Stage } from '../service/harness.ts';
import type { BurstEmail } from './burst.ts';
import { rowsInSheet } from './tally.ts';

/** How many emails have a verdict in the ledger so far. */
export async function progressOf(stage: Stage): Promise<number> {
  return (await handledEmails(stage)).length;
}

async function allHandled(stage: Stage, count: number): Promise<boolean> {
  const handled = await handledEmails(stage);
  return handled.length >= count
    && handled.every(({ record, replySteps }) => record.entry.verdict.decision === 'ignore' || replySteps.includes('filed'));
}

/** Jobs still to run: a job stalled by a kill counts until BullMQ hands it out again and it ends. */
async function jobsLeft(stage: Stage): Promise<number> {
  let left = 0;
  for (const name of [QUEUE.intake, QUEUE.ledger, QUEUE.reply]) {
    const queue = new Queue(name, { connection: stage.redis, prefix: stage.bullPrefix });
    const counts = await queue.getJobCounts('active', 'waiting', 'delayed', 'prioritized');
    left += Object.values(counts).reduce((sum, n) => sum + n, 0);
    await queue.close();
  }
  return left;
}

export async function waitUntilSettled(stage: Stage, emails: BurstEmail[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let state = '';
  while (Date.now() < deadline) {
    const handled = await allHandled(stage, emails.length);
    const left = await jobsLeft(stage);
    const rows = await rowsInSheet(stage, emails);
    if (handled && left === 0 && rows === emails.length) return;
    state = `handled: ${handled}, jobs left: ${left}, rows: ${rows}/${emails.length}`;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`chaos run did not settle in time (${state})`);
}
