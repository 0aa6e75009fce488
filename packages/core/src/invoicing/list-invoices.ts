import type { ListInvoicesQuery, SortQuery } from "@voltlane/contracts";
import { invoiceLines, invoices } from "@voltlane/db";
import { and, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import { AppError } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { sortOrder } from "../platform/sort-order";
import { assertCan, scopeOf } from "../policy/can";
import { loadBillingProvider } from "./billing-parties";
import { presentInvoice } from "./invoice-view";
import { localDate } from "./period";

export type InvoiceFilters = {
  customerId?: string;
  kind?: string;
  status?: string;
  period?: string;
  page: number;
  pageSize: number;
} & SortQuery<NonNullable<ListInvoicesQuery["sort"]>>;

const sortColumns = {
  number: invoices.number,
  period: invoices.period,
  kind: invoices.kind,
  status: invoices.status,
  issueDate: invoices.issueDate,
  dueDate: invoices.dueDate,
  total: invoices.total,
  createdAt: invoices.createdAt,
};

/** Invoices of the provider (R4); customers see their own: company admins the company's (R64). */
export async function listInvoices(deps: CoreDeps, p: Principal, filters: InvoiceFilters) {
  assertCan(p, "invoices", "read");
  const conditions: SQL[] = [eq(invoices.providerId, p.providerId)];
  if (scopeOf(p, "invoices") === "own" && p.kind === "customer") {
    conditions.push(eq(invoices.customerId, p.customerId));
  }
  if (filters.customerId) conditions.push(eq(invoices.customerId, filters.customerId));
  if (filters.kind) conditions.push(eq(invoices.kind, filters.kind));
  if (filters.period) conditions.push(eq(invoices.period, filters.period));
  if (filters.status) {
    // The filter knows both the document status and the settlement (open, paid, overdue …).
    conditions.push(
      sql`(${invoices.status} = ${filters.status} or ${invoices.settlement} = ${filters.status})`,
    );
  }
  const where = and(...conditions);
  const rows = await deps.db
    .select()
    .from(invoices)
    .where(where)
    .orderBy(
      ...sortOrder(filters, sortColumns, invoices.id, [
        desc(invoices.createdAt),
        desc(invoices.number),
        desc(invoices.id),
      ]),
    )
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize);
  const [count] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(invoices).where(where);
  const lines = rows.length
    ? await deps.db
        .select()
        .from(invoiceLines)
        .where(
          inArray(
            invoiceLines.invoiceId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  const today = await providerToday(deps, p.providerId);
  return {
    items: rows.map((row) => presentInvoice(row, lines, today)),
    total: count!.n,
    page: filters.page,
    pageSize: filters.pageSize,
  };
}

/** One invoice with its lines; not visible = not found (R4). */
export async function getInvoice(deps: CoreDeps, p: Principal, id: string) {
  const invoice = await loadVisibleInvoice(deps, p, id);
  const lines = await deps.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, id));
  return presentInvoice(invoice, lines, await providerToday(deps, p.providerId));
}

export async function loadVisibleInvoice(deps: CoreDeps, p: Principal, id: string) {
  const [invoice] = await deps.db
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, id), eq(invoices.providerId, p.providerId)));
  if (!invoice) throw new AppError("not_found", "invoice not found");
  assertCan(p, "invoices", "read", { customerIds: [invoice.customerId] });
  return invoice;
}

async function providerToday(deps: CoreDeps, providerId: string): Promise<string> {
  const provider = await loadBillingProvider(deps.db, providerId);
  return localDate(deps.clock.now(), provider.timeZone);
}
