// Stage "verdict": run every check; any error rejects, warnings only annotate.
import { ERROR_CODES, type ErrorCode } from '../messages/catalogue.ts';
import type { Decision, Finding } from '../types.ts';
import { CHECKS } from '../validate/checks/index.ts';
import type { Submission } from '../validate/submission.ts';

export interface Decided {
  decision: Exclude<Decision, 'ignore'>;
  errors: Finding[];
  warnings: Finding[];
}

const isError = (f: Finding) => (ERROR_CODES as readonly string[]).includes(f.code as ErrorCode);

export function decide(submission: Submission): Decided {
  const findings = CHECKS.flatMap((check) => check(submission));
  const errors = findings.filter(isError);
  return { decision: errors.length ? 'reject' : 'accept', errors, warnings: findings.filter((f) => !isError(f)) };
}
