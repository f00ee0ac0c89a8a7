// Finds the recommendation table's header row among a page's text boxes and turns it into columns: header cells
// wrap and are spaced (`资 源\n制作方`), so boxes are grouped by where they sit, then matched by nameKey.
import type { FieldKey, FormSpec } from '../types.ts';
import { nameKey } from '../rules/normalize.ts';
import { WORD_GAP, type TextBox } from './page-layout.ts';

/** One header cell: the column it names (null for a column the form does not know) and its text's extent. */
export interface HeaderCell { key: FieldKey | null; left: number; right: number }
export interface HeaderRow { cells: HeaderCell[]; top: number; bottom: number }

/** A wrapped header cell spans at most this many text lines. */
const MAX_HEADER_LINES = 4;
/** More boxes than this in a few lines is running text, not a header row (and would cost quadratic time). */
const MAX_HEADER_BOXES = 200;

function findHeaderRow(boxes: TextBox[], form: FormSpec): HeaderRow | null {
  const names = headerNames(form);
  const lines = textLines(boxes);
  // A row naming every column cannot be beaten: the lines below it need not be tried.
  const allColumns = new Set(names.values()).size;
  let best: { row: HeaderRow; score: number } | null = null;
  for (let first = 0; first < lines.length && best?.score !== allColumns; first++) {
    for (let count = 1; count <= MAX_HEADER_LINES && first + count <= lines.length; count++) {
      const window = lines.slice(first, first + count).flat();
      if (window.length > MAX_HEADER_BOXES) break;
      const cells = headerCells(window, names);
      const keys = new Set(cells.map((cell) => cell.key).filter((key) => key !== null));
      if (!keys.has('title') || keys.size < form.minHeaderMatches || (best && keys.size <= best.score)) continue;
      const row = { cells, top: Math.min(...window.map((b) => b.top)), bottom: Math.max(...window.map((b) => b.bottom)) };
      best = { row, score: keys.size };
    }
  }
  return best?.row ?? null;
}

/** Every header row on the page, top to bottom: a county pasting tables together, or copying the header row into
 * the middle of its table, repeats it anywhere, not only at a page's top. */
export function findHeaderRows(boxes: TextBox[], form: FormSpec): HeaderRow[] {
  const row = findHeaderRow(boxes, form);
  if (!row) return [];
  return [...findHeaderRows(boxes.filter((b) => b.bottom < row.top), form), row,
    ...findHeaderRows(boxes.filter((b) => b.top > row.bottom), form)];
}

/** nameKey of every header and alias -> its column. */
function headerNames(form: FormSpec): Map<string, FieldKey> {
  const names = new Map<string, FieldKey>();
  for (const column of form.columns) {
    for (const name of [column.header, ...(column.aliases ?? [])]) names.set(nameKey(name), column.key);
  }
  return names;
}

/** Boxes grouped into visual lines, top to bottom (a box joins a line whose middle it shares). */
export function textLines(boxes: TextBox[]): TextBox[][] {
  const lines: TextBox[][] = [];
  let bottom = -Infinity;
  for (const box of [...boxes].sort((a, b) => a.top - b.top)) {
    if (lines.length && (box.top + box.bottom) / 2 < bottom - box.size * 0.25) lines.at(-1)!.push(box);
    else { lines.push([box]); bottom = -Infinity; }
    bottom = Math.max(bottom, box.bottom);
  }
  return lines;
}

/** Boxes that overlap or touch side by side (one word) form one cell; a cell that is only the start of a header
 * (`资` then `源` of a spaced `资 源`) is joined with its right neighbour. Words a space apart are not grouped by
 * distance: narrow cells set their headers closer together than a spaced header's characters (`序号` `资源标题`). */
function headerCells(window: TextBox[], names: Map<string, FieldKey>): HeaderCell[] {
  const groups: TextBox[][] = [];
  let right = -Infinity;
  for (const box of [...window].sort((a, b) => a.left - b.left)) {
    if (groups.length && box.left <= right + box.size * WORD_GAP) groups.at(-1)!.push(box);
    else { groups.push([box]); right = -Infinity; }
    right = Math.max(right, box.right);
  }
  const joined: TextBox[][] = [];
  for (const group of groups) {
    const last = joined.at(-1);
    if (last && !names.has(cellKey(last)) && isHeaderStart(cellKey([...last, ...group]), names)) last.push(...group);
    else joined.push(group);
  }
  return joined.map((group) => ({
    key: names.get(cellKey(group)) ?? null,
    left: Math.min(...group.map((b) => b.left)),
    right: Math.max(...group.map((b) => b.right)),
  }));
}

/** A cell's text read line by line, left to right. */
function cellKey(group: TextBox[]): string {
  return nameKey(textLines(group).map(lineText).join(''));
}

/** A line's boxes read left to right. */
export function lineText(line: TextBox[]): string {
  return line.sort((a, b) => a.left - b.left).map((b) => b.text).join('');
}

function isHeaderStart(key: string, names: Map<string, FieldKey>): boolean {
  for (const name of names.keys()) if (name.startsWith(key)) return true;
  return false;
}
