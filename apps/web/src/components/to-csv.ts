interface CsvColumn<T> {
  header: string;
  csv?: (row: T) => string | number | null | undefined;
}

/** RFC 4180 CSV of the columns that have a `csv` accessor; formula-looking cells are quoted with a '. */
export function toCsv<T>(columns: CsvColumn<T>[], rows: T[]): string {
  const exported = columns.filter((column) => column.csv);
  const lines = [exported.map((column) => csvCell(column.header))];
  for (const row of rows) lines.push(exported.map((column) => csvCell(column.csv?.(row))));
  return `${lines.map((line) => line.join(",")).join("\r\n")}\r\n`;
}

function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  // Spreadsheets run cells that start with = + - @ as formulas (CSV injection).
  if (typeof value === "string" && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
