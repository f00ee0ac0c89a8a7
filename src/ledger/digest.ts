// The daily digest email's content: subject, plain text and HTML, from templates/digest.txt and digest.html.
import { readFileSync } from 'node:fs';
import Mustache from 'mustache';
import type { Campaign } from '../types.ts';
import { localDate } from '../time/zoned.ts';
import { digestView, type UnsentReply } from './digest-view.ts';
import type { LedgerState } from './ledger-types.ts';
import { projectFile } from '../project-files.ts';

export interface Digest {
  subject: string;
  text: string;
  html: string;
  /** A file name for the attached spreadsheet, e.g. 报送台账-2022-07-04.xlsx. */
  attachmentName: string;
}

const templates = new Map<string, string>();
function template(ext: 'txt' | 'html'): string {
  if (!templates.has(ext)) {
    templates.set(ext, readFileSync(projectFile('templates', `digest.${ext}`), 'utf8'));
  }
  return templates.get(ext)!;
}

/** `since`: when the last digest went out (see digestView). */
export function buildDigest(state: LedgerState, campaign: Campaign, now: Date, unsent: UnsentReply[] = [], since?: Date): Digest {
  const view = digestView(state, campaign, now, unsent, since);
  const subject = `【报送日报】${view.day} 已受理 ${view.acceptedUnits}/${view.unitCount} 个单位`;
  const plain = { escape: (value: unknown) => String(value) };
  return {
    subject,
    text: Mustache.render(template('txt'), { ...view, subject }, {}, plain),
    html: Mustache.render(template('html'), { ...view, subject }),
    attachmentName: `报送台账-${localDate(now, campaign.deadline.timeZone)}.xlsx`,
  };
}
