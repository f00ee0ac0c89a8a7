// The ledger spreadsheet read back with exceljs, as staff would open it: each sheet's rows keyed by header text.
import ExcelJS from 'exceljs';

export type SheetRow = Record<string, string>;

export async function readWorkbook(source: string | Buffer): Promise<Map<string, SheetRow[]>> {
  const book = new ExcelJS.Workbook();
  if (typeof source === 'string') await book.xlsx.readFile(source);
  else await book.xlsx.load(source as unknown as ArrayBuffer);
  const sheets = new Map<string, SheetRow[]>();
  book.eachSheet((sheet) => {
    const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const rows: SheetRow[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const cells: SheetRow = {};
      headers.forEach((header, col) => { if (header) cells[header] = row.getCell(col).text; });
      rows.push(cells);
    });
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

/** Rows of `sheet` whose Message-ID column is `messageId`. */
export function rowsOf(sheets: Map<string, SheetRow[]>, sheet: string, messageId: string): SheetRow[] {
  return (sheets.get(sheet) ?? []).filter((row) => row['Message-ID'] === messageId);
}
