// What a reply says of the unit's other filings (an outside examiner, as the city clerk, read every reply): a
// returned filing, late or not, is never told "本次报送替代…，以本次为准", whatever the ledger keeps as current.
import { describe, expect, it } from 'vitest';
import { filingWarnings } from '../../src/ledger/filing-warnings.ts';
import type { Finding } from '../../src/types.ts';

const ZONE = 'Asia/Shanghai';
const earlier = { emailId: 'x', receivedAt: '2022-07-01T02:12:00Z' };
const finding = (code: string): Finding => ({ code, message: code } as Finding);
const filing = (decision: 'accept' | 'reject', errors: string[] = [], warnings: string[] = []) =>
  ({ unit: '华容县', filer: null, decision, errors: errors.map(finding), warnings: warnings.map(finding) });

describe('the note on a unit\'s earlier filing', () => {
  it('tells an accepted filing that it replaces the earlier one', () => {
    expect(filingWarnings(filing('accept'), { supersedes: { ...earlier, accepted: false }, supersededBy: null }, ZONE))
      .toEqual([{ code: 'RESUBMISSION', message: '本次报送替代华容县于2022年7月1日 10:12:00的报送，以本次为准。' }]);
  });

  it.each([
    ['returned', ['MISSING_FIELD']],
    ['late', ['LATE']],
  ])('never tells a %s filing after a returned one that it counts', (_kind, errors) => {
    const warnings = filingWarnings(filing('reject', errors), { supersedes: { ...earlier, accepted: false }, supersededBy: null }, ZONE);
    expect(warnings).toEqual([]);
    expect(warnings.map((w) => w.message).join('')).not.toContain('以本次为准');
  });

  it('tells a returned or late filing after an accepted one that the accepted one stands', () => {
    const stands = (errors: string[]) => filingWarnings(filing('reject', errors), { supersedes: null, supersededBy: { ...earlier, accepted: true } }, ZONE);
    expect(stands(['NO_STAMP'])[0].message).toContain('华容县于2022年7月1日 10:12:00的报送已受理，仍然有效');
    expect(stands(['LATE'])[0].message).toContain('本次报送逾期，不替代已受理的报送');
  });
});
