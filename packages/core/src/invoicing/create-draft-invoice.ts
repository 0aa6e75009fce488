import { randomUUID } from "node:crypto";
import { type Db, invoices } from "@voltlane/db";
import { sql } from "drizzle-orm";
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

type Invoice = typeof invoices.$inferSelect;
type NewInvoice = typeof invoices.$inferInsert;

/** Rows per statement: invoices bind ~16 parameters each; lines travel as one JSON parameter. */
const invoiceBatch = 1_000;
const lineBatch = 5_000;

/**
 * W3 step 4: a draft with its lines and VAT (R2). Each session line holds its session's payer or
 * receiver side (R53: the unique line index refuses a second live claim). No number yet (R49).
 */
export async function createDraftInvoice(tx: Db, input: DraftInput): Promise<Invoice> {
  const [invoice] = await createDraftInvoices(tx, [input]);
  return invoice!;
}

/**
 * `createDraftInvoice` for many drafts in multi-row statements: a run writes ~100,000 invoices and
 * ~2,000,000 lines. The result keeps the order of `inputs`.
 */
export async function createDraftInvoices(tx: Db, inputs: readonly DraftInput[]): Promise<Invoice[]> {
  const created: NewInvoice[] = [];
  const lines: LineRow[] = [];
  for (const input of inputs) {
    const invoiceId = randomUUID();
    const breakdown = vatBreakdown(input.lines);
    created.push({
      id: invoiceId,
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
    });
    for (const [index, line] of input.lines.entries()) {
      lines.push(lineRow(input.providerId, invoiceId, index + 1, randomUUID(), line));
    }
  }
  const inserted: Invoice[] = [];
  for (let i = 0; i < created.length; i += invoiceBatch) {
    inserted.push(
      ...(await tx
        .insert(invoices)
        .values(created.slice(i, i + invoiceBatch))
        .returning()),
    );
  }
  for (let i = 0; i < lines.length; i += lineBatch) await insertLines(tx, lines.slice(i, i + lineBatch));
  const byId = new Map(inserted.map((row) => [row.id, row]));
  return created.map((draft) => byId.get(draft.id!)!);
}

type LineRow = {
  id: string;
  provider_id: string;
  invoice_id: string;
  position: number;
  kind: string;
  description: string;
  transaction_id: string | null;
  subscription_id: string | null;
  service_period: string | null;
  quantity: string;
  unit_price: string | null;
  net: number;
  vat_scope: string;
  vat_rate: string;
  details: Record<string, unknown>;
};

function lineRow(
  providerId: string,
  invoiceId: string,
  position: number,
  id: string,
  line: LineDraft,
): LineRow {
  return {
    id,
    provider_id: providerId,
    invoice_id: invoiceId,
    position,
    kind: line.kind,
    description: line.description,
    transaction_id: line.transactionId ?? null,
    subscription_id: line.subscriptionId ?? null,
    service_period: line.servicePeriod ?? null,
    // Decimal strings stay strings in the JSON: numeric parses them exactly (R1).
    quantity: line.quantity,
    unit_price: line.unitPrice,
    net: line.net,
    vat_scope: line.vatScope,
    vat_rate: line.vatRate,
    details: { ...line.details, ...(line.party ? { party: line.party } : {}) },
  };
}

/** Many lines in one statement with one parameter (a JSON array), far below the bind limit. */
async function insertLines(tx: Db, rows: LineRow[]) {
  await tx.execute(sql`
    insert into invoice_lines (id, provider_id, invoice_id, position, kind, description, transaction_id,
      subscription_id, service_period, quantity, unit_price, net, vat_scope, vat_rate, details)
    select id, provider_id, invoice_id, position, kind, description, transaction_id,
      subscription_id, service_period, quantity, unit_price, net, vat_scope, vat_rate, details
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, provider_id uuid, invoice_id uuid,
      position integer, kind text, description text, transaction_id uuid, subscription_id uuid,
      service_period text, quantity numeric, unit_price numeric, net bigint, vat_scope text,
      vat_rate numeric, details jsonb)`);
}
