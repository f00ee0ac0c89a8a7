// NO_TABLE: every Word file opened, none holds the recommendation table (a cover letter alone is not a filing).
import { finding } from '../../messages/catalogue.ts';
import { formLabels } from '../../messages/form-labels.ts';
import type { Check } from '../check.ts';

export const checkNoTable: Check = ({ campaign, words }) => {
  const opened = words.filter((w) => w.ok);
  if (opened.length === 0 || opened.some((w) => w.ok && w.hasTable)) return [];
  return opened.map((w) => finding('NO_TABLE', { ...formLabels(campaign), file: w.file, formTitle: campaign.form.title }, { file: w.file }));
};
