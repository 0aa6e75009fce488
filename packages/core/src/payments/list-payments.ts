import type { paymentSortFields, payoutSortFields, SortQuery } from "@voltlane/contracts";
import { type Db, payments, payouts, providers } from "@voltlane/db";
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import type { CoreDeps } from "../platform/deps";
import { sortOrder } from "../platform/sort-order";
import { assertCan } from "../policy/can";

type Page = { page: number; pageSize: number };

/** Payments and payouts are in the provider's one currency (§3 Money); API.md lists it on each. */
async function providerCurrency(db: Db, providerId: string): Promise<string> {
  const [row] = await db
    .select({ currency: providers.currency })
    .from(providers)
    .where(eq(providers.id, providerId));
  return row?.currency ?? "EUR";
}

/** One payment as the API shows it, with its currency. */
export async function paymentView(deps: CoreDeps, row: typeof payments.$inferSelect) {
  return presentPayment(row, await providerCurrency(deps.db, row.providerId));
}

export function presentPayment(row: typeof payments.$inferSelect, currency: string) {
  return {
    id: row.id,
    invoiceId: row.invoiceId,
    customerId: row.customerId,
    amount: row.amount,
    method: row.method,
    status: row.status,
    externalRef: row.externalRef,
    batchRef: row.batchRef,
    receivedAt: row.receivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    currency,
  };
}

/** Payments of the provider (R4); the matrix gives customers no access to this list. */
export async function listPayments(
  deps: CoreDeps,
  p: Principal,
  filters: Page & { invoiceId?: string; customerId?: string } & SortQuery<(typeof paymentSortFields)[number]>,
) {
  assertCan(p, "payments", "read");
  const conditions: SQL[] = [eq(payments.providerId, p.providerId)];
  if (filters.invoiceId) conditions.push(eq(payments.invoiceId, filters.invoiceId));
  if (filters.customerId) conditions.push(eq(payments.customerId, filters.customerId));
  const where = and(...conditions);
  const rows = await deps.db
    .select()
    .from(payments)
    .where(where)
    .orderBy(
      ...sortOrder(
        filters,
        {
          createdAt: payments.createdAt,
          receivedAt: payments.receivedAt,
          amount: payments.amount,
          method: payments.method,
          status: payments.status,
        },
        payments.id,
        [desc(payments.createdAt), desc(payments.id)],
      ),
    )
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize);
  const [count] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(payments).where(where);
  const currency = await providerCurrency(deps.db, p.providerId);
  return {
    items: rows.map((row) => presentPayment(row, currency)),
    total: count!.n,
    page: filters.page,
    pageSize: filters.pageSize,
  };
}

export async function listPayouts(
  deps: CoreDeps,
  p: Principal,
  filters: Page & { status?: string; customerId?: string } & SortQuery<(typeof payoutSortFields)[number]>,
) {
  assertCan(p, "payments", "read");
  const conditions: SQL[] = [eq(payouts.providerId, p.providerId)];
  if (filters.status) conditions.push(eq(payouts.status, filters.status));
  if (filters.customerId) conditions.push(eq(payouts.customerId, filters.customerId));
  const where = and(...conditions);
  const rows = await deps.db
    .select()
    .from(payouts)
    .where(where)
    .orderBy(
      ...sortOrder(
        filters,
        {
          createdAt: payouts.createdAt,
          dueDate: payouts.dueDate,
          amount: payouts.amount,
          status: payouts.status,
        },
        payouts.id,
        [desc(payouts.createdAt), desc(payouts.id)],
      ),
    )
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize);
  const [count] = await deps.db.select({ n: sql<number>`count(*)::int` }).from(payouts).where(where);
  const currency = await providerCurrency(deps.db, p.providerId);
  return {
    items: rows.map((r) => ({
      id: r.id,
      invoiceId: r.invoiceId,
      customerId: r.customerId,
      amount: r.amount,
      status: r.status,
      ibanSnapshot: r.ibanSnapshot,
      dueDate: r.dueDate,
      paidAt: r.paidAt?.toISOString() ?? null,
      batchRef: r.batchRef,
      currency,
    })),
    total: count!.n,
    page: filters.page,
    pageSize: filters.pageSize,
  };
}
