// The campaign for trying the bot on the local services: the rules file as it is, with its deadline moved to a day
// still ahead (mail sent now gets INTERNALDATE now, and the 2022 campaign's deadline has long passed).
import { readFileSync } from 'node:fs';
import { localDate } from '../../src/time/zoned.ts';

const DAY_MS = 86_400_000;

/** The `date:` line of the top-level `deadline:` block, up to its value. */
const DEADLINE_DATE = /^(deadline:[ \t]*\r?\n(?:[ \t]+.*\r?\n)*?[ \t]+date:[ \t]*)("[^"\n]*"|'[^'\n]*'|[^\s#]+)/m;

/** The rules text of `sourceFile` with deadline.date set to `deadline` (YYYY-MM-DD), the rest byte for byte. */
export function withDeadline(sourceFile: string, deadline: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(deadline)) throw new Error(`the deadline must be YYYY-MM-DD, not "${deadline}"`);
  const text = readFileSync(sourceFile, 'utf8');
  if (!DEADLINE_DATE.test(text)) throw new Error(`${sourceFile}: no deadline.date line found`);
  return text.replace(DEADLINE_DATE, `$1"${deadline}"`);
}

/** The deadline day `days` ahead of `now` in the campaign's time zone. */
export function dayAhead(now: Date, days: number, timeZone: string): string {
  return localDate(new Date(now.getTime() + days * DAY_MS), timeZone);
}
