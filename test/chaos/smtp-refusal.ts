// Makes the local SMTP front door answer 451 to this run's replies only, through its refusal file (one substring per
// line; see scripts/services/smtp-front-door.ts); other tests sharing the door are not refused.
import { readFile, writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';

const fileOf = (servicesDir: string) => join(servicesDir, 'smtp-refuse');

async function rewrite(servicesDir: string, change: (lines: string[]) => string[]): Promise<void> {
  const file = fileOf(servicesDir);
  const lines = (await readFile(file, 'utf8').catch(() => '')).split('\n').filter((line) => line.trim() !== '');
  await writeFile(`${file}.${process.pid}.tmp`, change(lines).map((line) => `${line}\n`).join(''));
  await rename(`${file}.${process.pid}.tmp`, file);
}

/** From now on, messages containing `tag` are refused with 451 until `allowSmtp` is called. */
export const refuseSmtp = (servicesDir: string, tag: string) => rewrite(servicesDir, (lines) => [...lines.filter((l) => l !== tag), tag]);

export const allowSmtp = (servicesDir: string, tag: string) => rewrite(servicesDir, (lines) => lines.filter((l) => l !== tag));

/** How many messages of this run the front door refused so far, from its log. */
export async function refusalsSeen(servicesDir: string, tag: string): Promise<number> {
  const logText = await readFile(join(servicesDir, 'smtp-front-door.log'), 'utf8').catch(() => '');
  return logText.split('\n').filter((line) => line.includes(`refused for a while (${tag} `)).length;
}
