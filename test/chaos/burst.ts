// A burst of county emails for the chaos runs: the fixtures in turn, each copy with a Message-ID of its own, delivered
// with the receiving server's time as INTERNALDATE so each keeps the verdict expected.json gives it.
import { readdirSync, readFileSync } from 'node:fs';
import { deliver, expected, fixture, freshCopy, type CountyEmail, type Stage } from '../service/harness.ts';

export interface BurstEmail extends CountyEmail {
  decision: 'accept' | 'reject' | 'ignore';
  received: string;
}

/** The fixtures in a fixed order that mixes accepted, returned and ignored mail. */
const FIXTURES = readdirSync('test/fixtures/eml').filter((name) => name.endsWith('.eml') && expected[name]).sort();

/** The time in the top Received header (the server's), else the Date header. */
function receivedAt(file: string): string {
  const header = readFileSync(file, 'latin1').split(/\r?\n\r?\n/, 1)[0];
  const received = /^Received:[^;]*;\s*([^\r\n(]+)/im.exec(header)?.[1] ?? /^Date:\s*(.+)$/im.exec(header)?.[1];
  if (!received) throw new Error(`${file} has neither Received nor Date`);
  return new Date(received.trim()).toISOString();
}

/** `count` emails; copy i is the fixture i mod the fixture count, tagged `<stage tag>.<i>`. */
export async function makeBurst(stage: Stage, count: number): Promise<BurstEmail[]> {
  const emails: BurstEmail[] = [];
  for (let i = 0; i < count; i += 1) {
    const name = FIXTURES[i % FIXTURES.length];
    const copy = await freshCopy({ ...stage, tag: `${stage.tag}.${i}` }, fixture(name));
    emails.push({ ...copy, decision: expected[name].decision, received: receivedAt(fixture(name)) });
  }
  return emails;
}

export async function deliverBurst(stage: Stage, emails: BurstEmail[]): Promise<void> {
  for (const email of emails) await deliver(stage, email, email.received);
}
