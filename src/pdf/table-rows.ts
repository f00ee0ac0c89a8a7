// Cuts a table body into rows and cells: rows lie between the horizontal rules crossing the title column, or,
// in an unruled table, start at each 序号 number (Word lays cells out top-aligned).
import type { FieldKey } from '../types.ts';
import { cleanCell, nameKey } from '../rules/normalize.ts';
import { textLines } from './header-row.ts';
import { WORD_GAP, type TextBox } from './page-layout.ts';
import type { Rule, Rules } from './ruled-lines.ts';
import { crossing, distinct, movedColumns, type TableColumn } from './table-columns.ts';

export interface TableRow { cells: Partial<Record<FieldKey, string>> }
type Piece = TextBox & { column: number };

const ROW_NUMBER = /^\d{1,4}[.、]?$/;
/** In an unruled table, a blank band this many text heights tall ends the table (a footer may follow). */
const END_GAP = 3;

/** `ruled`: horizontal rules cross the title column, so the table is drawn with rules. */
export interface ReadRows { rows: TableRow[]; ruled: boolean }

export function readRows(body: TextBox[], columns: TableColumn[], rules: Rules): ReadRows {
  const pieces = body.flatMap((box) => splitByColumn(box, columns));
  const title = columns.find((c) => c.key === 'title');
  if (!title || !pieces.length) return { rows: [], ruled: false };
  const across = Number.isFinite(title.left + title.right) ? (title.left + title.right) / 2 : middleOf(pieces, columns, title);
  const ys = distinct(rules.horizontal.filter((r) => r.from <= across && r.to >= across).map((r) => r.at));
  const numbers = rowNumbers(pieces, columns);
  const ruled = ys.slice(1).map((y, i): [number, number] => [ys[i], y]);
  // Rules only around the table, not between rows, hold several numbers in one band: then numbers split rows.
  const rowsRuled = ruled.length > 0 && ruled.every(([top, bottom]) => numbers.filter((n) => middle(n) >= top && middle(n) < bottom).length <= 1);
  const rows = rowsRuled ? ruledRows(body, columns, ruled, rules.vertical)
    : numberBands(pieces, numbers).map(([top, bottom]) => toRow(pieces.filter((p) => middle(p) >= top && middle(p) < bottom), columns));
  return { rows, ruled: ruled.length > 0 };
}

/** Each band between rules is cut into cells by the vertical rules crossing it. A band no rule crosses inside the
 * table, where other bands are ruled into cells, is a heading merged across the row (一、德育), not a resource; so is
 * a band whose title cell is merged with a neighbour (一、德育 over 序号 and 资源标题). */
function ruledRows(body: TextBox[], columns: TableColumn[], bands: [number, number][], vertical: Rule[]): TableRow[] {
  const layouts = bands.map(([top, bottom]) => crossing(vertical, (top + bottom) / 2));
  const celled = layouts.some((xs) => xs.length > 2);
  return bands.flatMap(([top, bottom], i) => {
    if (celled && (layouts[i].length <= 2 || mergesTitle(columns, layouts[i]))) return [];
    const own = movedColumns(columns, layouts[i]);
    const boxes = body.filter((b) => middle(b) >= top && middle(b) < bottom);
    return [toRow(boxes.flatMap((box) => splitByColumn(box, own)), own)];
  });
}

/** The rules `xs` lie on the columns' own edges, but one edge of the title cell has none: that cell spans more. A
 * band ruled on other edges belongs to another table (its columns move onto them) and is not judged here. */
function mergesTitle(columns: TableColumn[], xs: number[]): boolean {
  const title = columns.find((c) => c.key === 'title');
  const edges = columns.flatMap((c) => [c.left, c.right]).filter(Number.isFinite);
  const near = (x: number, all: number[]) => all.some((y) => Math.abs(x - y) <= 1);
  if (!title || !xs.every((x) => near(x, edges))) return false;
  return [title.left, title.right].some((x) => Number.isFinite(x) && !near(x, xs));
}

function rowNumbers(pieces: Piece[], columns: TableColumn[]): Piece[] {
  const seq = columns.findIndex((c) => c.key === 'seq');
  return pieces.filter((p) => p.column === seq && ROW_NUMBER.test(nameKey(p.text)));
}

/** Unruled rows: from one row number to the next; text above the first number is a row of its own (the tail of a
 * row begun on the previous page); with no numbers at all, each line is a row. */
function numberBands(pieces: Piece[], numbers: Piece[]): [number, number][] {
  const kept = untilBlankBand(pieces);
  const last = Math.max(...kept.map((p) => p.bottom));
  const starts = numbers.filter((n) => n.top < last).map((n) => n.top - n.size * 0.3);
  const cuts = starts.length ? distinct(starts) : textLines(kept).map((line) => Math.min(...line.map((p) => p.top)) - 0.1);
  return [-Infinity, ...cuts].map((top, i, all): [number, number] => [top, all[i + 1] ?? last + 1]);
}

function untilBlankBand(pieces: Piece[]): Piece[] {
  const sorted = [...pieces].sort((a, b) => a.top - b.top);
  let reached = sorted[0].top;
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i].top - reached > END_GAP * sorted[i].size) return sorted.slice(0, i);
    reached = Math.max(reached, sorted[i].bottom);
  }
  return sorted;
}

const middle = (box: TextBox): number => (box.top + box.bottom) / 2;

function toRow(pieces: Piece[], columns: TableColumn[]): TableRow {
  const cells: TableRow['cells'] = {};
  columns.forEach((column, i) => {
    const text = cellText(pieces.filter((p) => p.column === i));
    if (column.key && text) cells[column.key] = text;
  });
  return { cells };
}

/** Lines of a cell read left to right and joined; CJK lines join with nothing, Latin words with a space. */
function cellText(pieces: Piece[]): string {
  const lines = textLines(pieces).map((line) => line.sort((a, b) => a.left - b.left)
    .reduce((text, p, i, all) => text + (i && p.left - all[i - 1].right > p.size * WORD_GAP ? ' ' : '') + p.text, ''));
  return cleanCell(lines.reduce(joinLines, ''));
}

/** Joins a wrapped line to the text before it: CJK with nothing (no hyphens), Latin words with a space. */
export function joinLines(text: string, line: string): string {
  return text + (/[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(line) ? ' ' : '') + line;
}

/** A box lying across column bounds (text runs merged by the PDF) is cut by where its characters fall. */
function splitByColumn(box: TextBox, columns: TableColumn[]): Piece[] {
  const whole = columns.findIndex((c) => box.left >= c.left - 1 && box.right <= c.right + 1);
  if (whole >= 0) return [{ ...box, column: whole }];
  const chars = [...box.text];
  const step = (box.right - box.left) / chars.length;
  const pieces: Piece[] = [];
  chars.forEach((char, i) => {
    const x = box.left + (i + 0.5) * step;
    const column = columns.findIndex((c) => x >= c.left && x < c.right);
    const last = pieces.at(-1);
    if (column < 0) return;
    if (last && last.column === column && last.right >= x - step) { last.text += char; last.right = x + step / 2; }
    else pieces.push({ ...box, text: char, left: x - step / 2, right: x + step / 2, column });
  });
  return pieces;
}

function middleOf(pieces: Piece[], columns: TableColumn[], column: TableColumn): number {
  const own = pieces.filter((p) => columns[p.column] === column);
  return own.length ? own.reduce((sum, p) => sum + (p.left + p.right) / 2, 0) / own.length : 0;
}
