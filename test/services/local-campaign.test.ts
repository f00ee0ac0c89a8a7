// The local try-out's rules (npm run local): the campaign as it is, only its deadline moved, still a valid rules file.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayAhead, withDeadline } from '../../scripts/local/local-campaign.ts';
import { DEFAULT_CAMPAIGN_FILE, loadCampaign } from '../../src/rules/load-campaign.ts';
import { tempDirForTest } from '../temp-dir.ts';

describe('the local try-out campaign', () => {
  it('moves the deadline and changes nothing else', () => {
    const original = readFileSync(DEFAULT_CAMPAIGN_FILE, 'utf8');
    const moved = withDeadline(DEFAULT_CAMPAIGN_FILE, '2031-03-09');
    const changed = moved.split('\n').filter((line, i) => line !== original.split('\n')[i]);
    expect(changed).toEqual(['  date: "2031-03-09"']);
    const file = join(tempDirForTest('local-campaign-'), 'campaign.yaml');
    writeFileSync(file, moved);
    expect(loadCampaign(file).deadline).toEqual({ ...loadCampaign(DEFAULT_CAMPAIGN_FILE).deadline, date: '2031-03-09' });
  });

  it('refuses a deadline that is not a day, and a rules file with no deadline line', () => {
    expect(() => withDeadline(DEFAULT_CAMPAIGN_FILE, 'tomorrow')).toThrow(/YYYY-MM-DD/);
    const noDeadline = join(tempDirForTest('local-campaign-'), 'rules.yaml');
    writeFileSync(noDeadline, readFileSync(DEFAULT_CAMPAIGN_FILE, 'utf8').replace(/^deadline:/m, 'deadLine:'));
    expect(() => withDeadline(noDeadline, '2031-03-09')).toThrow(/no deadline.date line/);
  });

  it('is written by the script npm run local calls, which prints the deadline it set', () => {
    const file = join(tempDirForTest('local-campaign-'), 'campaign.yaml');
    const printed = execFileSync('npx', ['tsx', 'scripts/local/write-local-campaign.ts', file], {
      env: { ...process.env, LOCAL_DEADLINE: '2031-03-09', CAMPAIGN: '' }, encoding: 'utf8',
    });
    expect(printed.trim()).toBe('2031-03-09');
    expect(loadCampaign(file).deadline.date).toBe('2031-03-09');
  });

  it('counts days ahead in the campaign time zone', () => {
    // 20:00 UTC is already the next day in Shanghai.
    expect(dayAhead(new Date('2026-11-27T20:00:00Z'), 30, 'Asia/Shanghai')).toBe('2026-12-28');
    expect(dayAhead(new Date('2026-11-27T20:00:00Z'), 30, 'UTC')).toBe('2026-12-27');
  });
});
