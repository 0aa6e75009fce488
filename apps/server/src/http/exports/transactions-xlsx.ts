import { PassThrough, type Readable } from "node:stream";
import type { TransactionView } from "@voltlane/contracts";
import { currencyExponent, fromMinorUnits } from "@voltlane/core";
import ExcelJS from "exceljs";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The columns of the CSV export (API.md fields), in the same order. */
const columns = [
  { header: "id", key: "id", width: 38 },
  { header: "chargePointId", key: "chargePointId", width: 20 },
  { header: "connectorId", key: "connectorId", width: 12 },
  { header: "chargeCardId", key: "chargeCardId", width: 38 },
  { header: "startedAt", key: "startedAt", width: 20, style: { numFmt: "yyyy-mm-dd hh:mm:ss" } },
  { header: "stoppedAt", key: "stoppedAt", width: 20, style: { numFmt: "yyyy-mm-dd hh:mm:ss" } },
  { header: "energyWh", key: "energyWh", width: 12, style: { numFmt: "0" } },
  { header: "cost", key: "cost", width: 12 },
  { header: "currency", key: "currency", width: 10 },
  { header: "payerCustomerId", key: "payerCustomerId", width: 38 },
  { header: "receiverCustomerId", key: "receiverCustomerId", width: 38 },
  { header: "status", key: "status", width: 12 },
];

/**
 * The transactions export as an XLSX workbook, streamed row by row (exceljs WorkbookWriter) while the
 * batches arrive: numbers are numbers, times are dates (UTC), cost is the exact amount in currency units
 * beside its currency column (the CSV keeps minor units, as the API does).
 */
export function transactionsXlsx(batches: AsyncIterable<TransactionView[]>): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = workbook.addWorksheet("Transactions", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  void (async () => {
    for await (const batch of batches) {
      for (const t of batch) {
        const row = sheet.addRow(xlsxRow(t));
        if (t.currency) row.getCell("cost").numFmt = moneyFormat(t.currency);
        row.commit();
      }
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

function xlsxRow(t: TransactionView): Record<string, string | number | Date | null> {
  return {
    id: t.id,
    chargePointId: safeText(t.chargePointId),
    connectorId: t.connectorId,
    chargeCardId: t.chargeCardId,
    startedAt: t.startedAt,
    stoppedAt: t.stoppedAt,
    energyWh: t.energyWh,
    // Exact: the decimal string of the minor units, rounded by nothing (1235 EUR → 12.35).
    cost: t.cost !== null && t.currency ? Number(fromMinorUnits(t.cost, t.currency)) : null,
    currency: t.currency,
    payerCustomerId: t.payerCustomerId,
    receiverCustomerId: t.receiverCustomerId,
    status: t.status,
  };
}

/** Number format of an amount in `currency` (2 decimals for most, 0 or 3 for some). */
export function moneyFormat(currency: string): string {
  const exponent = currencyExponent(currency);
  return exponent === 0 ? "0" : `0.${"0".repeat(exponent)}`;
}

/** The CSV export's formula guard (CSV injection) for text cells: = + - @ at the start is quoted with '. */
export function safeText(text: string): string {
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}
