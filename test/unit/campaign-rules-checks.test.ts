// Broken rules files an outside examiner met while writing a 2023 campaign: each must stop start-up with the JSON
// path and the problem, not run the bot with wrong verdicts. Each case is the 2022 file with one thing changed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { CampaignRulesError, DEFAULT_CAMPAIGN_FILE, loadCampaign } from '../../src/rules/load-campaign.ts';
import { tempDirForTest } from '../temp-dir.ts';

type Rules = Record<string, any>;
const rules2022 = () => parse(readFileSync(DEFAULT_CAMPAIGN_FILE, 'utf8')) as Rules;

/** Writes the changed 2022 rules to a fresh file (loadCampaign caches by path) and returns the load's error. */
function loadError(change: (rules: Rules) => void): { file: string; err: unknown } {
  const rules = rules2022();
  change(rules);
  const file = join(tempDirForTest('campaign-rules-'), 'campaign.yaml');
  writeFileSync(file, stringify(rules));
  try {
    loadCampaign(file);
  } catch (err) {
    return { file, err };
  }
  return { file, err: null };
}

const rename = (object: Rules, from: string, to: string) => {
  object[to] = object[from];
  delete object[from];
};

describe('loading a campaign rules file', () => {
  it('loads the 2022 file', () => {
    expect(loadCampaign(DEFAULT_CAMPAIGN_FILE).units).toHaveLength(13);
  });

  it.each([
    ['a day past the end of its month', (r: Rules) => { r.deadline.date = '2023-09-31'; },
      '/deadline/date: "2023-09-31" is not a calendar date'],
    ['29 February of a common year', (r: Rules) => { r.deadline.date = '2023-02-29'; },
      '/deadline/date: "2023-02-29" is not a calendar date'],
    ['two sections of one name', (r: Rules) => { r.sections[0].name = r.sections[2].name = '科学教育'; },
      '/sections/2/name: "科学教育" is used twice (also at /sections/0/name)'],
    ['two section names equal once normalised', (r: Rules) => { r.sections[3].name = ' 劳动 教育'; },
      '/sections/3/name: " 劳动 教育" is used twice (also at /sections/1/name)'],
    ['one alias for two sections', (r: Rules) => { for (const i of [0, 4]) r.sections[i].aliases = ['科学']; },
      '/sections/4/aliases/0: "科学" is used twice (also at /sections/0/aliases/0)'],
    ['a section alias that is another section\'s name', (r: Rules) => { r.sections[5].aliases.push('德育'); },
      '/sections/5/aliases/3: "德育" is used twice (also at /sections/0/name)'],
    ['more header matches than the form has columns', (r: Rules) => { r.form.minHeaderMatches = 10; },
      '/form/minHeaderMatches: 10 is more than the form\'s 9 columns'],
    ['one sender address for two units', (r: Rules) => { r.units[0].senders = ['XYXJYJ@126.com']; },
      '/units/3/senders/0: "xyxjyj@126.com" is used twice (also at /units/0/senders/0)'],
    ['the collector\'s mailbox as a unit\'s sender', (r: Rules) => { r.units[5].senders = ['yysyj@126.com']; },
      '/units/5/senders/0: "yysyj@126.com" is used twice (also at /collector/mailbox)'],
    ['a misspelt top-level key', (r: Rules) => { rename(r, 'deadline', 'deadlin'); },
      '/: unknown key "deadlin" (did you mean "deadline"?)'],
    ['a misspelt unit key', (r: Rules) => { rename(r.units[2], 'quota', 'qouta'); },
      '/units/2: unknown key "qouta" (did you mean "quota"?)'],
    ['a misspelt deadline key', (r: Rules) => { rename(r.deadline, 'timeZone', 'timezone'); },
      '/deadline: unknown key "timezone" (did you mean "timeZone"?)'],
    ['an unknown key like no known one', (r: Rules) => { r.form.x = 1; },
      '/form: unknown key "x"'],
  ])('refuses %s', (_, change, message) => {
    const { file, err } = loadError(change);
    expect(err).toBeInstanceOf(CampaignRulesError);
    expect((err as Error).message).toBe(`规则文件有误 ${file} ${message}`);
  });

  it('lets a unit and a section share a name: they are separate namespaces', () => {
    expect(loadError((r) => { r.units[0].aliases.push('德育'); }).err).toBeNull();
  });
});
