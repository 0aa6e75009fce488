import { type Db, invoiceLines, invoices, transactions } from "@voltlane/db";
import { eq } from "drizzle-orm";
import type { InvoiceLineKind } from "./invoice-kinds";
import type { LineDraft } from "./invoice-line-draft";
import { seriesOf } from "./invoice-numbering";
import { vatBreakdown } from "./vat";

export type DraftInput = {
  providerId: string;
  customerId: string;
  kind: InvoiceLineKind;
  period: string;
  currency: string;
  runId: string | null;
  lines: LineDraft[];
};

/**
 * W3 step 4: a draft with its lines and VAT (R2), holding its sessions on their payer or receiver
 * side (R53: the unique line index refuses a second live claim). No number yet (R49).
 */
export async function createDraftInvoice(tx: Db, input: DraftInput) {
  const breakdown = vatBreakdown(input.lines);
  const [invoice] = await tx
    .insert(invoices)
    .values({
      providerId: input.providerId,
      runId: input.runId,
      customerId: input.customerId,
      kind: input.kind,
      series: seriesOf(input.kind),
      period: input.period,
      status: "draft",
      direction: input.kind === "cost" ? "debit" : "credit",
      currency: input.currency,
      netTotal: breakdown.netTotal,
      vatTotal: breakdown.vatTotal,
      total: breakdown.total,
      vatBreakdown: breakdown.rows,
      reverseCharge: input.lines.some((l) => l.vatScope === "reverse_charge"),
      settlement: "open",
    })
    .returning();
  const inserted = await tx
    .insert(invoiceLines)
    .values(
      input.lines.map((line, index) => ({
        providerId: input.providerId,
        invoiceId: invoice!.id,
        position: index + 1,
        kind: line.kind,
        description: line.description,
        transactionId: line.transactionId ?? null,
        subscriptionId: line.subscriptionId ?? null,
        servicePeriod: line.servicePeriod ?? null,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        net: line.net,
        vatScope: line.vatScope,
        vatRate: line.vatRate,
        details: { ...line.details, ...(line.party ? { party: line.party } : {}) },
      })),
    )
    .returning({ id: invoiceLines.id });
  await holdSessions(
    tx,
    input.lines,
    inserted.map((row) => row.id),
  );
  return invoice!;
}

/** Points each session at its line (first line per side: the margin line rides along, R43). */
async function holdSessions(tx: Db, lines: LineDraft[], ids: string[]) {
  const seen = new Set<string>();
  for (const [index, line] of lines.entries()) {
    if (!line.transactionId || !line.party) continue;
    const key = `${line.transactionId}|${line.party}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const column = line.party === "payer" ? { payerLineId: ids[index]! } : { receiverLineId: ids[index]! };
    await tx.update(transactions).set(column).where(eq(transactions.id, line.transactionId));
  }
}
