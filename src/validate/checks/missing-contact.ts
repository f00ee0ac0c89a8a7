// MISSING_CONTACT: the form's 联系人 or 联系电话 is empty, so the city cannot ring anyone about the filing.
import { finding } from '../../messages/catalogue.ts';
import type { Check } from '../check.ts';

export const checkMissingContact: Check = ({ campaign, header }) => {
  if (!header) return [];
  const labels = campaign.form.headerLine;
  const empty = [header.contact ? '' : labels.contact, header.phone ? '' : labels.phone].filter(Boolean);
  return empty.length ? [finding('MISSING_CONTACT', { fields: empty.map((f) => `“${f}”`).join('和') })] : [];
};
