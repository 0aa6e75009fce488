import type { CardImportRowError } from "@voltlane/contracts";
import Papa from "papaparse";
import { normalizeExternalId, normalizeRfid } from "./normalize-card-ids";

/** One valid row of a card import file; customer references are still unresolved. */
export type CardCsvRow = {
  line: number;
  externalId: string;
  rfid: string;
  label: string | null;
  validUntil: Date | null;
  roaming: boolean;
  customerRef: string | null;
  payerRef: string | null;
};

export const maxImportRows = 5000;

// Header spellings people use for the same column ("UID", "number printed", "name" …).
const headerAliases: Record<string, keyof Omit<CardCsvRow, "line">> = {
  rfid: "rfid",
  uid: "rfid",
  rfiduid: "rfid",
  idtag: "rfid",
  externalid: "externalId",
  number: "externalId",
  cardnumber: "externalId",
  printednumber: "externalId",
  label: "label",
  name: "label",
  validuntil: "validUntil",
  roaming: "roaming",
  customer: "customerRef",
  customernumber: "customerRef",
  payer: "payerRef",
  payercustomernumber: "payerRef",
};

const yes = new Set(["1", "true", "yes", "ja", "y", "j"]);
const no = new Set(["", "0", "false", "no", "nee", "n"]);

function canonicalHeader(header: string): string {
  const key = header.replace(/[\s_\-.]/g, "").toLowerCase();
  return headerAliases[key] ?? `unknown:${header.trim()}`;
}

function parseValidUntil(value: string): Date | null | undefined {
  if (value === "") return null;
  // A plain date means "valid through that day" (end of the day, UTC).
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59.999Z` : value;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(value) ? undefined : at;
}

type Cells = Record<string, string | undefined>;

function parseRow(cells: Cells, line: number, errors: CardImportRowError[]): CardCsvRow | null {
  const cell = (k: string) => (cells[k] ?? "").trim();
  const fail = (field: string, code: CardImportRowError["code"], message: string) => {
    errors.push({ line, field, code, message });
  };
  const before = errors.length;
  const rfid = normalizeRfid(cell("rfid"));
  const externalId = normalizeExternalId(cell("externalId"));
  if (cell("rfid") === "") fail("rfid", "required", "rfid (UID) is empty");
  else if (!/^[0-9A-F]{1,40}$/.test(rfid)) fail("rfid", "invalid_rfid", "rfid must be hexadecimal");
  if (externalId === "") fail("externalId", "required", "the printed number is empty");
  else if (externalId.length > 60) fail("externalId", "too_long", "the printed number is too long");
  const label = cell("label");
  if (label.length > 200) fail("label", "too_long", "the name is longer than 200 characters");
  const validUntil = parseValidUntil(cell("validUntil"));
  if (validUntil === undefined) fail("validUntil", "invalid_date", "validUntil must be YYYY-MM-DD");
  const roamingText = cell("roaming").toLowerCase();
  if (!yes.has(roamingText) && !no.has(roamingText))
    fail("roaming", "invalid_boolean", "roaming must be yes or no");
  const payerRef = cell("payerRef") || null;
  const customerRef = cell("customerRef") || null;
  if (payerRef && !customerRef) fail("payer", "payer_without_customer", "a payer needs a customer");
  if (errors.length > before) return null;
  return {
    line,
    externalId,
    rfid,
    label: label || null,
    validUntil: validUntil ?? null,
    roaming: yes.has(roamingText),
    customerRef,
    payerRef,
  };
}

/**
 * Parses a card import file (header row, comma or semicolon separated) into rows and per-line
 * errors. Line numbers count the header as line 1, as a spreadsheet shows them.
 */
export function parseCardCsv(text: string): { rows: CardCsvRow[]; errors: CardImportRowError[] } {
  const parsed = Papa.parse<Cells>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: canonicalHeader,
  });
  const errors: CardImportRowError[] = [];
  const fields = parsed.meta.fields ?? [];
  for (const missing of ["rfid", "externalId"].filter((f) => !fields.includes(f)))
    errors.push({ line: 1, field: missing, code: "missing_column", message: `no ${missing} column` });
  for (const unknown of fields.filter((f) => f.startsWith("unknown:")))
    errors.push({ line: 1, field: unknown.slice(8), code: "unknown_column", message: "unknown column" });
  if (errors.length > 0) return { rows: [], errors };
  if (parsed.data.length === 0) errors.push({ line: 1, field: "", code: "empty_file", message: "no rows" });
  if (parsed.data.length > maxImportRows)
    errors.push({ line: 1, field: "", code: "too_many_rows", message: `at most ${maxImportRows} rows` });
  const rowLines = lineNumbers(text, parsed);
  for (const e of parsed.errors)
    if (e.row !== undefined && e.code !== "TooFewFields" && e.code !== "TooManyFields")
      errors.push({ line: rowLines[e.row] ?? 0, field: "", code: "malformed_row", message: e.message });
  if (errors.length > 0) return { rows: [], errors };
  const rows = parsed.data.flatMap((cells, i) => parseRow(cells, rowLines[i]!, errors) ?? []);
  markDuplicatesInFile(rows, errors);
  return { rows, errors };
}

/** The 1-based line each data row starts on (quoted fields may span lines). */
function lineNumbers(text: string, parsed: Papa.ParseResult<Cells>): number[] {
  const lines: number[] = [];
  const records = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { header: false }).data;
  let line = 1;
  for (const [i, record] of records.entries()) {
    if (i > 0 && record.some((c) => c.trim() !== "")) lines.push(line);
    line += 1 + record.join(",").split(/\r\n|\r|\n/).length - 1;
  }
  return lines.slice(0, parsed.data.length);
}

function markDuplicatesInFile(rows: CardCsvRow[], errors: CardImportRowError[]) {
  for (const field of ["rfid", "externalId"] as const) {
    const first = new Map<string, number>();
    for (const row of rows) {
      const seen = first.get(row[field]);
      if (seen === undefined) first.set(row[field], row.line);
      else
        errors.push({
          line: row.line,
          field,
          code: "duplicate_in_file",
          message: `same ${field} as line ${seen}`,
        });
    }
  }
}
