// Maps what a county typed in 拟上线版块 / 拟上线栏目 to the campaign's canonical names, or suggests the closest.
import type { Campaign, SectionSpec } from '../types.ts';
import { editDistance, nameKey } from '../rules/normalize.ts';

export function findSection(campaign: Campaign, typed: string): SectionSpec | null {
  const key = nameKey(typed);
  return campaign.sections.find((s) => [s.name, ...(s.aliases ?? [])].some((n) => nameKey(n) === key)) ?? null;
}

export function findColumn(section: SectionSpec, typed: string): string | null {
  const key = nameKey(typed);
  return section.columns.find((c) => nameKey(c) === key) ?? null;
}

/** The section another section's column belongs to, to say "党史学习 is a 德育 column". */
export function sectionHoldingColumn(campaign: Campaign, typed: string): SectionSpec | null {
  return campaign.sections.find((s) => findColumn(s, typed) !== null) ?? null;
}

/** The candidate closest to what was typed, when it is close enough to be a slip rather than another thing. */
export function closestName(typed: string, candidates: readonly string[]): string | null {
  const key = nameKey(typed);
  if (!key) return null;
  let best: { name: string; distance: number } | null = null;
  for (const name of candidates) {
    const candidate = nameKey(name);
    const distance = candidate.includes(key) || key.includes(candidate) ? 0.5 : editDistance(key, candidate);
    if (!best || distance < best.distance) best = { name, distance };
  }
  // A third of the name may differ: 劳动教育 is not a slip for 思政教育 (half of it would be), 党史学系 is for 党史学习.
  return best && best.distance <= Math.max(1, Math.floor(nameKey(best.name).length / 3)) ? best.name : null;
}
