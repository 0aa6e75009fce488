import { type Db, invoices } from "@voltlane/db";
import { getTableColumns, sql } from "drizzle-orm";
import { mapRows, rowsOf } from "../platform/map-rows";
import { timeOrderedId } from "../platform/time-ordered-id";
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

/** Rows per statement (each statement carries its rows as one JSON parameter). */
const invoiceBatch = 5_000;
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
  return writeDraftInvoices(tx, buildDraftInvoices(inputs));
}

/** Drafts with their ids, totals (R2) and line rows, computed before any database work. */
export type BuiltDrafts = { invoices: DraftRow[]; lines: LineRow[][] };

/** The rows `writeDraftInvoices` inserts, built in memory (the run does this outside its lock). */
export function buildDraftInvoices(inputs: readonly DraftInput[]): BuiltDrafts {
  const built: BuiltDrafts = { invoices: [], lines: [] };
  for (const input of inputs) {
    // Time-ordered ids (UUIDv7): a run's invoices and lines land at the right edge of their indexes
    // instead of on random pages (half the insert time of 2,000,000 lines, bench/RESULTS.md).
    const invoiceId = timeOrderedId();
    const breakdown = vatBreakdown(input.lines);
    built.invoices.push({
      id: invoiceId,
      provider_id: input.providerId,
      run_id: input.runId,
      customer_id: input.customerId,
      kind: input.kind,
      series: seriesOf(input.kind),
      period: input.period,
      direction: input.kind === "cost" ? "debit" : "credit",
      currency: input.currency,
      net_total: breakdown.netTotal,
      vat_total: breakdown.vatTotal,
      total: breakdown.total,
      vat_breakdown: breakdown.rows,
      reverse_charge: input.lines.some((l) => l.vatScope === "reverse_charge"),
    });
    built.lines.push(
      input.lines.map((line, index) =>
        lineRow(input.providerId, invoiceId, index + 1, timeOrderedId(), line),
      ),
    );
  }
  return built;
}

/** Inserts built drafts; the result keeps their order. */
export async function writeDraftInvoices(tx: Db, built: BuiltDrafts): Promise<Invoice[]> {
  const inserted: Invoice[] = [];
  for (let i = 0; i < built.invoices.length; i += invoiceBatch) {
    inserted.push(...(await insertInvoices(tx, built.invoices.slice(i, i + invoiceBatch))));
  }
  const lines = built.lines.flat();
  for (let i = 0; i < lines.length; i += lineBatch) await insertLines(tx, lines.slice(i, i + lineBatch));
  const byId = new Map(inserted.map((row) => [row.id, row]));
  return built.invoices.map((draft) => byId.get(draft.id)!);
}

/**
 * Draft invoices in one statement with one JSON parameter (drizzle's multi-row VALUES built ~16
 * parameters per row: most of the run's CPU in Node at 100,000 invoices).
 */
async function insertInvoices(tx: Db, rows: DraftRow[]): Promise<Invoice[]> {
  const result = await tx.execute(sql`
    insert into invoices (id, provider_id, run_id, customer_id, kind, series, period, status, direction,
      currency, net_total, vat_total, total, vat_breakdown, reverse_charge, settlement)
    select id, provider_id, run_id, customer_id, kind, series, period, 'draft', direction,
      currency, net_total, vat_total, total, vat_breakdown, reverse_charge, 'open'
    from json_to_recordset(${JSON.stringify(rows)}::json) as x(id uuid, provider_id uuid, run_id uuid,
      customer_id uuid, kind text, series text, period text, direction text, currency text,
      net_total bigint, vat_total bigint, total bigint, vat_breakdown jsonb, reverse_charge boolean)
    returning *`);
  return mapRows<Invoice>(getTableColumns(invoices), rowsOf(result));
}

export type DraftRow = {
  id: string;
  provider_id: string;
  run_id: string | null;
  customer_id: string;
  kind: string;
  series: string;
  period: string;
  direction: string;
  currency: string;
  net_total: number;
  vat_total: number;
  total: number;
  vat_breakdown: unknown;
  reverse_charge: boolean;
};

export type LineRow = {
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
    from json_to_recordset(${JSON.stringify(rows)}::json) as x(id uuid, provider_id uuid, invoice_id uuid,
      position integer, kind text, description text, transaction_id uuid, subscription_id uuid,
      service_period text, quantity numeric, unit_price numeric, net bigint, vat_scope text,
      vat_rate numeric, details jsonb)`);
}
