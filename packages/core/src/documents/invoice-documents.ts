import { invoiceLines, transactions } from "@voltlane/db";
import { asc, eq, inArray } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import { AppError } from "../errors/app-error";
import { loadVisibleInvoice } from "../invoicing/list-invoices";
import { produceInvoiceDocument } from "../invoicing/produce-invoice-documents";
import { fromMinorUnits } from "../money/money";
import type { CoreDeps } from "../platform/deps";
import { toCsv } from "./csv";
import type { DocumentStore } from "./document-store";

/**
 * The stored PDF of an issued invoice (R56). The first download of an invoice whose document the
 * queue has not produced yet produces it now; from then on the same bytes (fixed by SHA-256).
 */
export async function getInvoicePdf(deps: CoreDeps & { documents: DocumentStore }, p: Principal, id: string) {
  const visible = await loadVisibleInvoice(deps, p, id);
  if (visible.status === "draft") throw new AppError("not_found", "this invoice has no PDF yet (draft)");
  const invoice = visible.pdfKey ? visible : await produceInvoiceDocument(deps, visible.id);
  return { filename: `${invoice.number}.pdf`, bytes: await deps.documents.get(invoice.pdfKey!) };
}

/** The sessions behind an invoice's lines, as CSV (one row per line with a session). */
export async function invoiceSessionsCsv(deps: CoreDeps, p: Principal, id: string) {
  const invoice = await loadVisibleInvoice(deps, p, id);
  const lines = await deps.db
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, id))
    .orderBy(asc(invoiceLines.position));
  const txIds = lines.map((l) => l.transactionId).filter((v): v is string => !!v);
  const sessions = txIds.length
    ? await deps.db.select().from(transactions).where(inArray(transactions.id, txIds))
    : [];
  const rows = lines
    .filter((line) => line.transactionId)
    .map((line) => {
      const s = sessions.find((t) => t.id === line.transactionId);
      return [
        invoice.number ?? "",
        line.position,
        line.kind,
        s?.ocppTransactionId ?? "",
        s?.chargePointId ?? "",
        s?.idTag ?? "",
        s?.startedAt.toISOString() ?? "",
        s?.stoppedAt?.toISOString() ?? "",
        s?.energyWh ?? "",
        line.vatScope,
        line.vatRate,
        fromMinorUnits(line.net, invoice.currency),
      ];
    });
  const header = [
    "invoice",
    "line",
    "kind",
    "transaction",
    "chargePoint",
    "idTag",
    "startedAt",
    "stoppedAt",
    "energyWh",
    "vatScope",
    "vatRate",
    "net",
  ];
  return { filename: `${invoice.number ?? invoice.id}-sessions.csv`, csv: toCsv([header, ...rows]) };
}
