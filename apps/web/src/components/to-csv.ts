export type ExportValue = string | number | null | undefined;

interface CsvColumn<T> {
  header: string;
  csv?: (row: T) => ExportValue;
}

/** RFC 4180 CSV of the columns that have a `csv` accessor; formula-looking cells are quoted with a '. */
export function toCsv<T>(columns: CsvColumn<T>[], rows: T[]): string {
  const exported = columns.filter((column) => column.csv);
  const lines = [exported.map((column) => csvCell(column.header))];
  for (const row of rows) lines.push(exported.map((column) => csvCell(column.csv?.(row))));
  return `${lines.map((line) => line.join(",")).join("\r\n")}\r\n`;
}

/** Spreadsheets run text cells that start with = + - @ as formulas (CSV injection): quote them with a '. */
export function defuseFormula(text: string): string {
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

function csvCell(value: ExportValue): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? defuseFormula(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
