import { defuseFormula, type ExportValue } from "./to-csv";

/** A typed XLSX cell: a number with its display format (money, decimals). */
export type XlsxNumber = { value: number; numFmt: string };
export type XlsxCell = ExportValue | Date | XlsxNumber;

interface XlsxColumn<T> {
  header: string;
  csv?: (row: T) => ExportValue;
  /** The cell's typed value for XLSX; without it the `csv` value is used (ISO dates become dates). */
  xlsx?: (row: T) => XlsxCell;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Money in minor units as an exact number of currency units, shown with its decimals and code. */
export function xlsxMoney(minor: number | null | undefined, currency: string | null | undefined): XlsxCell {
  if (minor === null || minor === undefined) return null;
  const code = currency ?? "EUR";
  const digits = currencyDigits(code);
  // minor / 10^digits is the nearest double to the exact decimal (what a typed-in amount would be).
  return { value: minor / 10 ** digits, numFmt: `#,##0${digits ? `.${"0".repeat(digits)}` : ""} "${code}"` };
}

/** A decimal string ("0.3500") as a number keeping its decimals on screen. */
export function xlsxDecimal(text: string | null | undefined): XlsxCell {
  if (text === null || text === undefined || !/^-?\d+(\.\d+)?$/.test(text)) return text;
  const decimals = text.split(".")[1]?.length ?? 0;
  return { value: Number(text), numFmt: decimals ? `0.${"0".repeat(decimals)}` : "0" };
}

function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/** One cell as exceljs takes it: numbers stay numbers, ISO dates become dates, text is formula-guarded. */
export function xlsxCellOf<T>(
  column: XlsxColumn<T>,
  row: T,
): { value: string | number | Date | null; numFmt?: string } {
  const raw = column.xlsx ? column.xlsx(row) : column.csv?.(row);
  if (raw === null || raw === undefined) return { value: null };
  if (raw instanceof Date) return { value: raw, numFmt: "yyyy-mm-dd hh:mm:ss" };
  if (typeof raw === "number") return { value: raw };
  if (typeof raw === "object") return { value: raw.value, numFmt: raw.numFmt };
  if (DATE_TIME.test(raw)) return { value: new Date(raw), numFmt: "yyyy-mm-dd hh:mm:ss" };
  if (DATE.test(raw)) return { value: new Date(`${raw}T00:00:00Z`), numFmt: "yyyy-mm-dd" };
  return { value: defuseFormula(raw) };
}

/** The XLSX file of the exported columns (those with `csv` or `xlsx`); exceljs loads only when asked. */
export async function toXlsx<T>(columns: XlsxColumn<T>[], rows: T[], sheetName: string): Promise<Blob> {
  const module = await import("exceljs");
  const ExcelJS = (module as unknown as { default?: typeof module }).default ?? module;
  const exported = columns.filter((column) => column.csv || column.xlsx);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31) || "Sheet1", {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  const header = sheet.addRow(exported.map((column) => column.header));
  header.font = { bold: true };
  for (const row of rows) {
    const cells = exported.map((column) => xlsxCellOf(column, row));
    const added = sheet.addRow(cells.map((cell) => cell.value));
    cells.forEach((cell, index) => {
      if (cell.numFmt) added.getCell(index + 1).numFmt = cell.numFmt;
    });
  }
  exported.forEach((column, index) => {
    sheet.getColumn(index + 1).width = Math.min(40, Math.max(10, column.header.length + 2));
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: XLSX_MIME });
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
