// The one way the ledger lays out a sheet: typed columns, a styled frozen header with filters, A4 landscape print
// with the header repeated, email text always stored as plain text and times as real dates in local wall time.
import type ExcelJS from 'exceljs';
import { formatInZone } from '../time/zoned.ts';

export type CellContent = string | number | Date | null;

export interface ColumnDef<R> {
  header: string;
  /** In characters; a CJK character counts about two. */
  width: number;
  value: (row: R) => CellContent;
  /** Long text that wraps instead of running over the next cells. */
  wrap?: boolean;
  /** Holds times (wallClock values), shown with the date format. */
  date?: boolean;
}

// To the second, as the 说明 texts name a filing's time: a correction often follows within the minute.
const DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';
// Wide enough for that format, or Excel shows ####.
const DATE_WIDTH = 20;
/** Excel's Text format for columns of text: a cell a clerk edits stays text, even one starting with = or +. */
const TEXT_FORMAT = '@';
// Two lines of wrapped header text.
const HEADER_HEIGHT = 32;
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } } as const;
// XML 1.0 cannot hold these; one of them in a cell makes Excel offer to "repair" the file.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const EXCEL_CELL_LIMIT = 32_767;

/** Text as a cell: always a plain string (never a formula, whatever it starts with), XML-safe, within Excel's limit. */
function asText(text: string | null | undefined): string {
  // Cut first, then clean: a cut through a surrogate pair leaves a lone half, which the cleaning drops.
  return (text ?? '').slice(0, EXCEL_CELL_LIMIT).replace(NOT_XML, '');
}

/** A moment as the date cell a clerk expects: Excel dates have no zone, so store the zone's wall-clock time. */
export function wallClock(iso: string, timeZone: string): Date | null {
  const key = `${timeZone} ${iso}`;
  let cached = wallClocks.get(key);
  if (cached === undefined) {
    const moment = new Date(iso);
    cached = Number.isNaN(moment.getTime()) ? null : new Date(`${formatInZone(moment, timeZone).slice(0, 19)}Z`).getTime();
    if (wallClocks.size >= WALL_CLOCK_CACHE) wallClocks.clear();
    wallClocks.set(key, cached);
  }
  return cached === null ? null : new Date(cached);
}
// Every resource row repeats its email's times, and a time-zone conversion costs far more than a lookup.
const wallClocks = new Map<string, number | null>();
const WALL_CLOCK_CACHE = 100_000;

/** 是 / 否 for a yes-or-no column. */
export function yesNo(value: boolean): string {
  return value ? '是' : '否';
}

export type LedgerBook = ExcelJS.stream.xlsx.WorkbookWriter;

export interface TableSheet<R> {
  name: string;
  columns: ColumnDef<R>[];
  rows: R[];
  /** Columns kept in view when scrolling right; default none. */
  frozenColumns?: number;
  /** Extra styling of a data row, before it is written out. */
  styleRow?: (row: ExcelJS.Row, item: R) => void;
  /** Rows after the table and a blank row, outside its filter: sorting or filtering the table leaves them be. */
  footer?: R[];
}

/** Grey text for rows kept for the record that do not count. */
export const NOT_COUNTED_FONT = { color: { argb: 'FF808080' } } as const;

/** Streams one sheet into the book: header row, then every row, each written out as soon as it is complete. */
export function writeTableSheet<R>(book: LedgerBook, table: TableSheet<R>): void {
  const { name, columns, rows, frozenColumns = 0 } = table;
  const sheet = book.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: frozenColumns, ySplit: 1 }],
    pageSetup: {
      paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      printTitlesRow: '1:1', horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: `${name} 第 &P 页，共 &N 页` },
  });
  sheet.columns = columns.map((column) => ({
    width: column.date ? Math.max(column.width, DATE_WIDTH) : column.width,
    style: {
      alignment: { vertical: 'top', wrapText: column.wrap ?? false },
      ...(column.date ? { numFmt: DATE_FORMAT } : holdsText(column, rows) ? { numFmt: TEXT_FORMAT } : {}),
    },
  }));
  const header = sheet.addRow(columns.map((column) => column.header));
  header.eachCell((cell) => {
    cell.style = { font: { bold: true }, fill: HEADER_FILL, alignment: { vertical: 'middle', horizontal: 'center', wrapText: true } };
  });
  header.height = HEADER_HEIGHT;
  header.commit();
  const write = (item: R) => {
    const row = sheet.addRow(columns.map((column) => toCellValue(column.value(item))));
    table.styleRow?.(row, item);
    row.commit();
  };
  rows.forEach(write);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: columns.length } };
  if (table.footer?.length) {
    sheet.addRow([]).commit();
    table.footer.forEach(write);
  }
  sheet.commit();
}

/** Whether a column holds text (its first value that is not empty is a string). */
function holdsText<R>(column: ColumnDef<R>, rows: R[]): boolean {
  for (const row of rows) {
    const value = column.value(row);
    if (value !== null && value !== '') return typeof value === 'string';
  }
  return false;
}

function toCellValue(value: CellContent): ExcelJS.CellValue {
  // An empty text is no cell at all, so that Excel's filter lists it as 空白.
  return typeof value === 'string' ? asText(value) || null : value;
}
