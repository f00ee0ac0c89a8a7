// Verdicts and ledger entries as the pipeline would produce them, for the ledger's tests and benchmark.
import { randomBytes } from 'node:crypto';
import type { LedgerEntry } from '../../src/ledger/ledger-types.ts';
import { loadCampaign } from '../../src/rules/load-campaign.ts';
import type { Decision, Finding, Resource, Verdict } from '../../src/types.ts';

export const campaign = loadCampaign();

export interface VerdictSketch {
  unit: string | null;
  /** The institution, for a unit whose institutions file on their own. */
  filer?: string;
  decision: Decision;
  receivedAt: string;
  /** Rows in each campaign section; default 0. */
  perSection?: number;
  errors?: Finding[];
  warnings?: Finding[];
  /** Replaces every row's title, e.g. to put formula-looking text in. */
  title?: string;
  /** The form's 联系人 and 联系电话; default none (no form read). */
  contact?: { contact: string; phone: string };
}

export function verdictOf(sketch: VerdictSketch): Verdict {
  const perSection = sketch.perSection ?? 0;
  const resources: Resource[] = campaign.sections.flatMap((section, s) =>
    Array.from({ length: perSection }, (_, i) => ({
      seq: s * perSection + i + 1,
      title: sketch.title ?? `${sketch.unit ?? '某单位'}${section.name}资源${i + 1}`,
      producer: `${sketch.unit ?? '某'}实验学校`,
      section: section.name,
      column: section.columns[i % section.columns.length],
      copyright: `${sketch.unit ?? '某'}教育局`,
      format: '视频',
      summary: `${section.name}专题微课，时长约十分钟。`,
      remark: '',
    })));
  return {
    messageId: `<${randomBytes(6).toString('hex')}@county.test>`,
    from: 'county@county.test',
    subject: '专题资源推荐表',
    decision: sketch.decision,
    unit: sketch.unit,
    filer: sketch.filer ?? null,
    form: sketch.contact && sketch.unit ? { unit: sketch.unit, ...sketch.contact } : null,
    receivedAt: sketch.receivedAt,
    errors: sketch.errors ?? [],
    warnings: sketch.warnings ?? [],
    resources,
    countsBySection: Object.fromEntries(campaign.sections.map((s) => [s.name, perSection])),
    stamps: [],
    reply: null,
  };
}

export function entryOf(sketch: VerdictSketch, extra: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    emailId: randomBytes(32).toString('hex'),
    verdict: verdictOf(sketch),
    from: 'county@county.test',
    subject: `${sketch.unit ?? ''}专题资源推荐表`,
    handledAt: sketch.receivedAt,
    place: { mailbox: 'INBOX', uidValidity: '1', uid: 1 },
    archivePath: 'archive/ab/abcdef.eml',
    ...extra,
  };
}

export function errorOf(code: string, message = `${code} 的说明`): Finding {
  return { code, message };
}
