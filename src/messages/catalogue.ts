// The one catalogue of verdict codes and their Chinese messages (texts in templates/messages.yaml).
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { Finding } from '../types.ts';
import { projectFile } from '../project-files.ts';

export const ERROR_CODES = ['LATE', 'MISSING_PDF', 'MISSING_WORD', 'NO_STAMP', 'UNREADABLE_ATTACHMENT', 'NO_TABLE',
  'UNKNOWN_UNIT', 'UNKNOWN_SECTION', 'UNKNOWN_COLUMN', 'MISSING_FIELD', 'DUPLICATE_TITLE', 'QUOTA_SHORTFALL',
  'PDF_WORD_MISMATCH'] as const;
const WARNING_CODES = ['UNREGISTERED_SENDER', 'CONTACT_INFO', 'UNKNOWN_FORMAT', 'MISSING_CONTACT',
  'RESUBMISSION', 'SENDER_NOT_AUTHENTICATED', 'ACCEPTED_FILING_STANDS'] as const;
const IGNORE_CODES = ['AUTO_GENERATED', 'NOT_A_SUBMISSION'] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
export type WarningCode = (typeof WARNING_CODES)[number];
export type IgnoreCode = (typeof IGNORE_CODES)[number];
export type Code = ErrorCode | WarningCode | IgnoreCode;
/** Other wordings of a code's message, for the cases a county must act on differently (reported as the code). */
const VARIANTS = ['NO_STAMP_GREYSCALE', 'NO_STAMP_POOR_SCAN', 'UNKNOWN_UNIT_SEVERAL', 'ACCEPTED_FILING_STANDS_LATE',
  'ACCEPTED_FILING_STANDS_UNREGISTERED', 'UNREADABLE_ATTACHMENT_NOT_READ', 'MISSING_FIELD_COLUMN',
  'UNREADABLE_ATTACHMENT_IMAGE_TOO_LARGE'] as const;
/** A template key: a code, or one of its variants (NO_STAMP_GREYSCALE is reported as NO_STAMP). */
export type TemplateKey = Code | (typeof VARIANTS)[number];

const FILE = projectFile('templates', 'messages.yaml');
const templates = loadTemplates();

function loadTemplates(): Map<string, string> {
  const data = parseYaml(readFileSync(FILE, 'utf8')) as Record<string, Record<string, string>>;
  const flat = new Map(Object.values(data).flatMap((group) => Object.entries(group)));
  for (const code of [...ERROR_CODES, ...WARNING_CODES, ...IGNORE_CODES, ...VARIANTS]) {
    if (!flat.get(code)) throw new Error(`${FILE}: no message for ${code}`);
  }
  return flat;
}

export type Params = Record<string, string | number>;

// YAML folds a line break into a space; Chinese text joins its lines without one.
const CJK = '\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef“”';
const FOLDED_BREAK = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'g');

/** The message text for a template key, placeholders filled. */
function messageText(key: TemplateKey, params: Params): string {
  return templates.get(key)!.replace(FOLDED_BREAK, '')
    .replace(/\{(\w+)\}/g, (_m, name: string) => (name in params ? String(params[name]) : ''));
}

/** A finding with its Chinese message. */
export function finding(code: Code, params: Params, where: { row?: number; file?: string; variant?: TemplateKey } = {}): Finding {
  const out: Finding = { code, message: messageText(where.variant ?? code, params) };
  if (where.row !== undefined) out.row = where.row;
  if (where.file !== undefined) out.file = where.file;
  return out;
}
