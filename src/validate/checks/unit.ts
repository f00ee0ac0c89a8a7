// UNKNOWN_UNIT when no clue names a unit, or the Word tables name several; UNREGISTERED_SENDER when the address is
// not the unit's registered one.
import { finding } from '../../messages/catalogue.ts';
import { formLabels } from '../../messages/form-labels.ts';
import type { Check } from '../check.ts';

export const checkUnit: Check = ({ campaign, unit, header, email, severalUnits }) => {
  if (severalUnits.length) {
    const units = severalUnits.map((t) => `《${t.file}》为“${t.unit}”`).join('，');
    return [finding('UNKNOWN_UNIT', { ...formLabels(campaign), units }, { variant: 'UNKNOWN_UNIT_SEVERAL' })];
  }
  if (!unit) {
    const typed = header?.unit ? `填写为“${header.unit}”` : '为空';
    const sample = campaign.units[0];
    return [finding('UNKNOWN_UNIT', { ...formLabels(campaign), formUnit: typed, example: sample.aliases[0] ?? sample.name })];
  }
  const sender = email.from?.address ?? '';
  // A unit with no registered address has nothing to compare against; warning on all its mail would be noise.
  const registered = unit.unit.senders.map((s) => s.toLowerCase());
  if (unit.source === 'sender' || registered.length === 0 || registered.includes(sender)) return [];
  return [finding('UNREGISTERED_SENDER', { sender, unit: unit.unit.name })];
};
