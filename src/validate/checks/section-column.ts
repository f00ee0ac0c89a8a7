// UNKNOWN_SECTION / UNKNOWN_COLUMN: 拟上线版块 and 拟上线栏目 must be the campaign's, with the closest suggested.
import { finding } from '../../messages/catalogue.ts';
import { formLabels } from '../../messages/form-labels.ts';
import type { Finding } from '../../types.ts';
import { closestName, findColumn, findSection, sectionHoldingColumn } from '../canonical-names.ts';
import type { Check } from '../check.ts';

export const checkSectionAndColumn: Check = ({ campaign, rows }) => rows.flatMap((row): Finding[] => {
  const typedSection = row.cells.section ?? '';
  const typedColumn = row.cells.column ?? '';
  if (!typedSection) return [];
  const where = { file: row.file, row: row.position };
  const section = findSection(campaign, typedSection);
  if (!section) {
    const names = campaign.sections.map((s) => s.name);
    const near = closestName(typedSection, names) ?? sectionHoldingColumn(campaign, typedSection)?.name;
    return [finding('UNKNOWN_SECTION', {
      ...formLabels(campaign), ...where, value: typedSection, sections: names.join('、'),
      suggestion: near ? `是否应为“${near}”？` : '',
    }, where)];
  }
  if (!typedColumn || findColumn(section, typedColumn)) return [];
  const owner = sectionHoldingColumn(campaign, typedColumn);
  const near = closestName(typedColumn, section.columns);
  const suggestion = owner
    ? `“${findColumn(owner, typedColumn)}”是“${owner.name}”版块的栏目，请核对版块或栏目。`
    : near ? `是否应为“${near}”？` : '';
  return [finding('UNKNOWN_COLUMN', {
    ...formLabels(campaign), ...where, value: typedColumn, section: section.name, columns: section.columns.join('、'), suggestion,
  }, where)];
});
