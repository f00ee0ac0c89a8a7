// The form's own words for its columns and its unit line, from the rules: a message to a county names what its form
// says (所属版块 in one campaign, 拟上线版块 in another), never one campaign's labels.
import type { Campaign, FieldKey } from '../types.ts';
import type { Params } from './catalogue.ts';

/** A column's header as the campaign's form prints it. */
export function columnHeader(campaign: Campaign, key: FieldKey): string {
  return campaign.form.columns.find((c) => c.key === key)?.header ?? key;
}

/** The placeholders every message may use for the form's labels. */
export function formLabels(campaign: Campaign): Params {
  return {
    titleHeader: columnHeader(campaign, 'title'),
    sectionHeader: columnHeader(campaign, 'section'),
    columnHeader: columnHeader(campaign, 'column'),
    unitLabel: campaign.form.headerLine.unit,
  };
}
