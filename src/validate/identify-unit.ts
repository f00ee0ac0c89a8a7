// Which unit filed: the form's 填表单位, then the subject, then file names, then the sender registry.
import type { Campaign, UnitSpec } from '../types.ts';
import { nameKey } from '../rules/normalize.ts';
import type { UnitMatch } from './submission.ts';

export interface UnitClues {
  formUnit: string;
  subject: string;
  fileNames: string[];
  sender: string;
}

export function identifyUnit(campaign: Campaign, clues: UnitClues): UnitMatch | null {
  const found = unitAndSource(campaign, clues);
  return found && { ...found, filer: found.unit.separateFilers ? filerOf(found.unit, clues) : null };
}

function unitAndSource(campaign: Campaign, clues: UnitClues): Omit<UnitMatch, 'filer'> | null {
  const inText = (text: string) => findUnitIn(campaign, text);
  const byForm = inText(clues.formUnit);
  if (byForm) return { unit: byForm, source: 'form' };
  const bySubject = inText(clues.subject);
  if (bySubject) return { unit: bySubject, source: 'subject' };
  for (const name of clues.fileNames) {
    const byFile = inText(name);
    if (byFile) return { unit: byFile, source: 'file' };
  }
  const bySender = unitRegisteredFor(campaign, clues.sender);
  return bySender ? { unit: bySender, source: 'sender' } : null;
}

/** Which institution of a unit whose institutions file on their own: the first name one of its patterns finds in the
 *  form, the subject or a file name (a filing under the unit's general name, 市直学校, may name its school in
 *  another), else the sender's address. */
function filerOf(unit: UnitSpec, clues: UnitClues): string {
  for (const text of [clues.formUnit, clues.subject, ...clues.fileNames]) {
    const key = nameKey(text);
    for (const pattern of unit.patterns ?? []) {
      const match = new RegExp(pattern, 'u').exec(key);
      if (match) return ordinalSchool(match.groups?.name ?? match[0]);
    }
  }
  return clues.sender.toLowerCase() || '（发件人不明）';
}

/** A school numbered by its city is written both ways: 岳阳市第一中学 and 岳阳市一中 are one school (the short form). */
function ordinalSchool(name: string): string {
  return name.replace(/第([一二三四五六七八九十]+)中学$/u, '$1中');
}

/** The unit whose registered senders hold this address, if any. */
export function unitRegisteredFor(campaign: Campaign, address: string): UnitSpec | undefined {
  const wanted = address.toLowerCase();
  return campaign.units.find((u) => u.senders.some((s) => s.toLowerCase() === wanted));
}

/**
 * The unit a piece of text names: the earliest name or alias in it (the longest at the same place), and only when
 * no name matches, a unit's patterns (市直学校 are many schools, named by pattern).
 */
export function findUnitIn(campaign: Campaign, text: string): UnitSpec | null {
  const key = nameKey(text);
  if (!key) return null;
  let best: { unit: UnitSpec; at: number; length: number } | null = null;
  for (const unit of campaign.units) {
    for (const name of [unit.name, ...unit.aliases]) {
      const nameK = nameKey(name);
      const at = key.indexOf(nameK);
      if (at < 0) continue;
      if (!best || at < best.at || (at === best.at && nameK.length > best.length)) best = { unit, at, length: nameK.length };
    }
  }
  if (best) return best.unit;
  return campaign.units.find((u) => (u.patterns ?? []).some((p) => new RegExp(p, 'u').test(key))) ?? null;
}
