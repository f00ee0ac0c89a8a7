// Finds the recommendation table among a document's blocks, joins its continuations after page breaks, and reads
// the header line above it.
import { nameKey } from '../rules/normalize.ts';
import type { FormHeader, FormRow, FormSpec } from '../types.ts';
import { collectFormRows } from './collect-form-rows.ts';
import { findHeader } from './find-header-row.ts';
import type { ColumnMap } from './match-header.ts';
import { readFormHeader } from './read-form-header.ts';
import { expandTableGrid, type GridSlot } from './table-grid.ts';
import type { WordBlock } from './word-blocks.ts';

export interface FormTable { header: FormHeader; rows: FormRow[] }

const rowText = (row: GridSlot[]) => row.filter((slot) => slot.origin).map((slot) => slot.text).join('  ');
const blockText = (block: WordBlock) =>
  block.kind === 'text' ? block.text : expandTableGrid(block.rows).map(rowText).join('\n');
const gridWidth = (grid: GridSlot[][]) => Math.max(0, ...grid.map((row) => row.length));

/** Tables right after the header table continue it: with the header repeated, or headerless with the same width. */
function continuationRows(blocks: WordBlock[], width: number, columns: ColumnMap, form: FormSpec): FormRow[] {
  const rows: FormRow[] = [];
  for (const block of blocks) {
    if (block.kind === 'text') {
      // Blank paragraphs hold the page breaks; any text (填表说明 above all) ends the table.
      if (nameKey(block.text) === '') continue;
      break;
    }
    const grid = expandTableGrid(block.rows);
    const header = findHeader(grid, form);
    if (!header && gridWidth(grid) !== width) break;
    const found = collectFormRows(grid, header?.dataStart ?? 0, header?.columns ?? columns, form);
    rows.push(...found.rows);
    if (found.reachedNotes) break;
  }
  return rows;
}

/** The header line nearest above the table; when there is none above, wherever the document has one. */
function headerLine(before: string, blocks: WordBlock[], form: FormSpec): FormHeader {
  const above = readFormHeader(before, form);
  const { unit, contact, phone } = above.found ? above : readFormHeader(blocks.map(blockText).join('\n'), form);
  return { unit, contact, phone };
}

export function findFormTable(blocks: WordBlock[], form: FormSpec): FormTable | null {
  for (const [index, block] of blocks.entries()) {
    if (block.kind !== 'table') continue;
    const grid = expandTableGrid(block.rows);
    const header = findHeader(grid, form);
    if (!header) continue;
    const first = collectFormRows(grid, header.dataStart, header.columns, form);
    const more = first.reachedNotes ? [] : continuationRows(blocks.slice(index + 1), gridWidth(grid), header.columns, form);
    const before = [...blocks.slice(0, index).map(blockText), ...grid.slice(0, header.row).map(rowText)].join('\n');
    return { header: headerLine(before, blocks, form), rows: [...first.rows, ...more] };
  }
  return null;
}
