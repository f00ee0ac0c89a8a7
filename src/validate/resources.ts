// Table rows -> the verdict's resources and per-section counts, with section and column in canonical form.
import type { Campaign, Resource } from '../types.ts';
import { findColumn, findSection } from './canonical-names.ts';
import type { TableRow } from './submission.ts';

export function toResources(campaign: Campaign, rows: TableRow[]): Resource[] {
  return rows.map((row) => {
    const c = row.cells;
    const section = findSection(campaign, c.section ?? '');
    return {
      seq: row.position,
      title: c.title ?? '',
      producer: c.producer ?? '',
      section: section?.name ?? c.section ?? '',
      column: (section && findColumn(section, c.column ?? '')) ?? c.column ?? '',
      copyright: c.copyright ?? '',
      format: c.format ?? '',
      summary: c.summary ?? '',
      remark: c.remark ?? '',
    };
  });
}

/** Rows per canonical section (every section present, zero included); rows with an unknown section count nowhere. */
export function countBySection(campaign: Campaign, rows: TableRow[]): Record<string, number> {
  const counts = Object.fromEntries(campaign.sections.map((s) => [s.name, 0]));
  for (const row of rows) {
    const section = findSection(campaign, row.cells.section ?? '');
    if (section) counts[section.name] += 1;
  }
  return counts;
}
