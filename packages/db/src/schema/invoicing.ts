import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, ts, updatedAt } from "./columns";
import { customers } from "./customers";
import { providers } from "./tenancy";

/** Money in integer minor units (R1). */
const money = (name: string) => bigint(name, { mode: "number" });
/** Prices: exact decimals with 4 places (R1). */
const price = (name: string) => numeric(name, { precision: 12, scale: 4 });
const vatRate = (name: string) => numeric(name, { precision: 5, scale: 2 });

export type VatBreakdownRowJson = { scope: string; rate: string; net: number; vat: number };
export type PartySnapshot = {
  name: string;
  address?: Record<string, string | undefined>;
  vatNumber?: string | null;
  cocNumber?: string | null;
  iban?: string | null;
  bic?: string | null;
  customerNumber?: string | null;
  reference?: string | null;
  email?: string | null;
  language?: string;
  directDebit?: boolean;
};

/** W3: one monthly run per (provider, period) attempt; reruns add rows, never invoices twice (R52). */
export const invoiceRuns = pgTable(
  "invoice_runs",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    period: text("period").notNull(), // YYYY-MM in the provider's time zone
    trigger: text("trigger").notNull(), // schedule | manual
    triggeredBy: text("triggered_by"),
    status: text("status").notNull().default("running"), // running | completed | failed
    counts: jsonb("counts").$type<Record<string, number>>().notNull().default({}),
    /** Progress: customers planned, and customers whose chunk has committed. */
    customersTotal: integer("customers_total").notNull().default(0),
    customersDone: integer("customers_done").notNull().default(0),
    error: text("error"),
    startedAt: ts("started_at").notNull(),
    finishedAt: ts("finished_at"),
    createdAt: createdAt(),
  },
  (t) => [index("invoice_runs_provider_period_ix").on(t.providerId, t.period)],
);

export const invoices = pgTable(
  "invoices",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    runId: uuid("run_id").references(() => invoiceRuns.id),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    kind: text("kind").notNull(), // cost | self-bill | reimbursement | credit-note
    series: text("series").notNull(), // R48: 03, 08
    /** R49: null until issued. */
    number: text("number"),
    period: text("period").notNull(),
    status: text("status").notNull().default("draft"), // draft | issued | credited
    direction: text("direction").notNull(), // debit | credit
    currency: text("currency").notNull(),
    issueDate: text("issue_date"), // YYYY-MM-DD, provider time zone
    dueDate: text("due_date"),
    issuedAt: ts("issued_at"),
    netTotal: money("net_total").notNull().default(0),
    vatTotal: money("vat_total").notNull().default(0),
    total: money("total").notNull().default(0),
    vatBreakdown: jsonb("vat_breakdown").$type<VatBreakdownRowJson[]>().notNull().default([]),
    reverseCharge: boolean("reverse_charge").notNull().default(false),
    customerSnapshot: jsonb("customer_snapshot").$type<PartySnapshot>(),
    providerSnapshot: jsonb("provider_snapshot").$type<PartySnapshot>(),
    creditsInvoiceId: uuid("credits_invoice_id"),
    replacedById: uuid("replaced_by_id"),
    /** R58: open | collection_pending | partially_paid | paid | overdue | on_hold | payout_pending | paid_out | credited | netted. */
    settlement: text("settlement").notNull().default("open"),
    pdfKey: text("pdf_key"),
    pdfSha256: text("pdf_sha256"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // R49: one number per (provider, series).
    uniqueIndex("invoices_number_uq").on(t.providerId, t.number).where(sql`number is not null`),
    // R52: one live invoice per (provider, customer, period, kind); credited ones step aside.
    uniqueIndex("invoices_live_uq")
      .on(t.providerId, t.customerId, t.period, t.kind)
      .where(sql`status <> 'credited' and kind <> 'credit-note'`),
    // R51: a credit note reverses exactly one invoice, once.
    uniqueIndex("invoices_credits_uq").on(t.creditsInvoiceId).where(sql`credits_invoice_id is not null`),
    index("invoices_customer_ix").on(t.providerId, t.customerId),
    index("invoices_period_ix").on(t.providerId, t.period),
    // The documents queue: issued invoices whose PDF and e-mail are still to be produced (ADR 0006).
    index("invoices_document_pending_ix").on(t.issuedAt).where(sql`pdf_sha256 is null and status <> 'draft'`),
  ],
);

export const invoiceLines = pgTable(
  "invoice_lines",
  {
    id: id(),
    // Both references are checked once per statement by triggers (migration 0016): a line's invoice
    // exists and belongs to the same provider, and an invoice with lines cannot be deleted. Per-row
    // foreign keys cost the monthly run ~20 µs of PostgreSQL per line, 2,000,000 lines a month.
    providerId: uuid("provider_id").notNull(),
    invoiceId: uuid("invoice_id").notNull(),
    position: integer("position").notNull(),
    kind: text("kind").notNull(),
    description: text("description").notNull(),
    transactionId: uuid("transaction_id"),
    subscriptionId: uuid("subscription_id"),
    /** The month a subscription line pays for (R47). */
    servicePeriod: text("service_period"),
    quantity: numeric("quantity", { precision: 14, scale: 4 }).notNull().default("1"),
    unitPrice: price("unit_price"),
    net: money("net").notNull(),
    vatScope: text("vat_scope").notNull(), // standard | reverse_charge | outside_scope
    vatRate: vatRate("vat_rate").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    /** True while this line holds its session or subscription month; a credit note releases it (R51). */
    holdsItem: boolean("holds_item").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    index("invoice_lines_invoice_ix").on(t.invoiceId, t.position),
    // R53: a session is on at most one live line of each kind (so one live payer and one live
    // receiver invoice); the home margin line is the payer's second line of another kind.
    uniqueIndex("invoice_lines_session_uq")
      .on(t.transactionId, t.kind)
      .where(sql`holds_item and transaction_id is not null`),
    // R47: a subscription month is invoiced once.
    uniqueIndex("invoice_lines_subscription_uq")
      .on(t.subscriptionId, t.servicePeriod)
      .where(sql`holds_item and subscription_id is not null`),
  ],
);

export const payments = pgTable(
  "payments",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id),
    amount: money("amount").notNull(),
    method: text("method").notNull(), // direct_debit | bank_transfer | card | wallet | netting | manual
    status: text("status").notNull().default("succeeded"), // pending | succeeded | failed | reversed | refunded
    externalRef: text("external_ref"),
    batchRef: text("batch_ref"),
    /** Direct debits: the mandate collected under (SEPA FRST for its first collection, then RCUR). */
    mandateId: uuid("mandate_id"),
    receivedAt: ts("received_at"),
    createdBy: text("created_by"),
    createdAt: createdAt(),
  },
  (t) => [
    index("payments_invoice_ix").on(t.invoiceId),
    index("payments_provider_ix").on(t.providerId, t.createdAt),
    // camt.053 imports are idempotent: one payment per bank entry reference.
    uniqueIndex("payments_external_ref_uq")
      .on(t.providerId, t.method, t.externalRef)
      .where(sql`external_ref is not null`),
  ],
);

export const payouts = pgTable(
  "payouts",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id),
    amount: money("amount").notNull(),
    /** bank_transfer: paid to the IBAN (pain.001); netting: settled against a debit invoice (R59). */
    method: text("method").notNull().default("bank_transfer"),
    ibanSnapshot: text("iban_snapshot"),
    status: text("status").notNull(), // on_hold | pending | scheduled | paid | failed | cancelled
    dueDate: text("due_date").notNull(),
    paidAt: ts("paid_at"),
    batchRef: text("batch_ref"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One bank payout per credit invoice; netting (R59) adds its own rows beside it.
    uniqueIndex("payouts_invoice_uq").on(t.invoiceId).where(sql`method = 'bank_transfer'`),
    index("payouts_provider_status_ix").on(t.providerId, t.status),
  ],
);

/** Products (our design): card subscriptions, charge point hosting, add-ons. */
export const products = pgTable(
  "products",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    name: text("name").notNull(),
    kind: text("kind").notNull(), // card_subscription | cp_hosting | addon
    frequency: text("frequency").notNull(), // one_off | monthly
    price: price("price").notNull(),
    vatRate: vatRate("vat_rate").notNull(),
    status: text("status").notNull().default("active"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("products_name_uq").on(t.providerId, t.name)],
);

/** R30, R47: a product charged to a payer for a subject (card or charge point) from its start month. */
export const subscriptions = pgTable(
  "subscriptions",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    payerCustomerId: uuid("payer_customer_id")
      .notNull()
      .references(() => customers.id),
    subjectType: text("subject_type"), // charge_card | charge_point
    subjectId: text("subject_id"),
    startMonth: text("start_month").notNull(), // YYYY-MM, starts on the 1st (R30)
    endMonth: text("end_month"), // last month charged; null = open
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("subscriptions_payer_ix").on(t.providerId, t.payerCustomerId)],
);
