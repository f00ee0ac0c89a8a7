// Turns a header row into column x-bounds: the vertical rules around each header cell when the table is ruled,
// else the blank gutters between the columns' body text (headers are centred, bodies often left-aligned).
import type { FieldKey } from '../types.ts';
import type { HeaderRow } from './header-row.ts';
import type { TextBox } from './page-layout.ts';
import type { Rule } from './ruled-lines.ts';

export interface TableColumn { key: FieldKey | null; left: number; right: number }

export function tableColumns(header: HeaderRow, vertical: Rule[], body: TextBox[]): TableColumn[] {
  const xs = crossing(vertical, (header.top + header.bottom) / 2);
  return xs.length >= 2 ? ruledColumns(header, xs) : gutterColumns(header, body);
}

/** Where the vertical rules crossing a row are as many as the columns' edges but lie elsewhere (a second table with
 * other widths joined on below, without a header of its own), the columns move onto them in order. */
export function movedColumns(columns: TableColumn[], xs: number[]): TableColumn[] {
  const edges = distinct(columns.flatMap((c) => [c.left, c.right]).filter(Number.isFinite));
  if (xs.length !== edges.length) return columns;
  const move = (x: number) => xs[edges.indexOf(x)] ?? x;
  return columns.map((c) => ({ ...c, left: move(c.left), right: move(c.right) }));
}

/** The x of each vertical rule crossing the line y. */
export function crossing(vertical: Rule[], y: number): number[] {
  return distinct(vertical.filter((r) => r.from <= y + 2 && r.to >= y - 2).map((r) => r.at));
}

/** Each header cell lies between the nearest rules either side; cells between the same rules are one column. */
function ruledColumns(header: HeaderRow, xs: number[]): TableColumn[] {
  const columns: TableColumn[] = [];
  for (const cell of header.cells) {
    const centre = (cell.left + cell.right) / 2;
    const left = xs.filter((x) => x <= centre).at(-1) ?? -Infinity;
    const right = xs.find((x) => x > centre) ?? Infinity;
    const same = columns.find((c) => c.left === left && c.right === right);
    if (same) same.key ??= cell.key;
    else columns.push({ key: cell.key, left, right });
  }
  return columns;
}

/** Between two header cells' centres, the widest strip no body text crosses is where one column ends. */
function gutterColumns(header: HeaderRow, body: TextBox[]): TableColumn[] {
  const cells = header.cells;
  const bounds = cells.slice(1).map((cell, i) => {
    const before = cells[i];
    const from = (before.left + before.right) / 2, to = (cell.left + cell.right) / 2;
    return widestGap(from, to, body) ?? (before.right + cell.left) / 2;
  });
  return cells.map((cell, i) => ({ key: cell.key, left: bounds[i - 1] ?? -Infinity, right: bounds[i] ?? Infinity }));
}

function widestGap(from: number, to: number, body: TextBox[]): number | null {
  const covered = body.filter((b) => b.right > from && b.left < to).sort((a, b) => a.left - b.left);
  let best: { width: number; at: number } | null = null;
  let reached = from;
  for (const box of [...covered, { left: to, right: to }]) {
    const width = box.left - reached;
    if (width > 0 && (!best || width > best.width)) best = { width, at: reached + width / 2 };
    reached = Math.max(reached, box.right);
  }
  return best?.at ?? null;
}

/** Sorted positions with those within a point of each other taken as one (a border drawn twice, or doubled). */
export function distinct(positions: number[]): number[] {
  const sorted = [...positions].sort((a, b) => a - b);
  return sorted.filter((x, i) => i === 0 || x - sorted[i - 1] > 1);
}
