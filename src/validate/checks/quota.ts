// QUOTA_SHORTFALL: the unit's minimum applies to each section; one finding lists every short section (have/need).
import { finding } from '../../messages/catalogue.ts';
import type { Check } from '../check.ts';
import { countBySection } from '../resources.ts';

// Without a readable table there is nothing to count: the missing or unreadable file is the one problem to report.
export const checkQuota: Check = ({ campaign, unit, rows, words }) => {
  if (!unit || !words.some((w) => w.ok && w.hasTable)) return [];
  const quota = unit.unit.quota;
  const counts = countBySection(campaign, rows);
  const short = campaign.sections.filter((s) => counts[s.name] < quota);
  if (short.length === 0) return [];
  return [finding('QUOTA_SHORTFALL', {
    unit: unit.unit.name,
    quota,
    shortages: short.map((s) => `${s.name}（已报${counts[s.name]}条，需${quota}条，${counts[s.name]}/${quota}）`).join('、'),
  })];
};
