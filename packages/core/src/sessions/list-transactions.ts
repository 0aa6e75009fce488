import type { TransactionListQuery, TransactionPage, TransactionView } from "@voltlane/contracts";
import { type Db, transactions } from "@voltlane/db";
import { and, count, desc, eq, gte, lt, or, type SQL, sql } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import { sortOrder } from "../platform/sort-order";
import {
  liveEnergyWhSql,
  type TransactionViewRow,
  toTransactionView,
  visibleTransactions,
} from "./transaction-view";

export type TransactionFilter = Omit<TransactionListQuery, "format" | "page" | "pageSize">;

function conditions(principal: Principal, f: TransactionFilter): SQL {
  const parts: (SQL | undefined)[] = [visibleTransactions(principal)];
  if (f.from) parts.push(gte(transactions.startedAt, f.from));
  if (f.to) parts.push(lt(transactions.startedAt, f.to));
  if (f.chargePointId) parts.push(eq(transactions.chargePointId, f.chargePointId));
  if (f.status) parts.push(eq(transactions.status, f.status));
  if (f.customerId) {
    parts.push(
      or(
        eq(transactions.userCustomerId, f.customerId),
        eq(transactions.payerCustomerId, f.customerId),
        eq(transactions.receiverCustomerId, f.customerId),
      ),
    );
  }
  return and(...parts)!;
}

const sortColumns = {
  startedAt: transactions.startedAt,
  stoppedAt: transactions.stoppedAt,
  chargePointId: transactions.chargePointId,
  energyWh: liveEnergyWhSql,
  cost: transactions.costNet,
  status: transactions.status,
};

const t = transactions;
/** Only what a view shows: parsing the 47-column row (tariff snapshot JSON, audit times) dominated exports. */
const viewColumns: { [K in keyof TransactionViewRow]: (typeof transactions)[K] } = {
  id: t.id,
  ocppTransactionId: t.ocppTransactionId,
  chargePointId: t.chargePointId,
  connectorId: t.connectorId,
  evseId: t.evseId,
  chargeCardId: t.chargeCardId,
  idTag: t.idTag,
  startedAt: t.startedAt,
  stoppedAt: t.stoppedAt,
  meterStartWh: t.meterStartWh,
  meterStopWh: t.meterStopWh,
  lastMeterWh: t.lastMeterWh,
  energyWh: t.energyWh,
  chargingSeconds: t.chargingSeconds,
  idleSeconds: t.idleSeconds,
  costNet: t.costNet,
  currency: t.currency,
  userCustomerId: t.userCustomerId,
  payerCustomerId: t.payerCustomerId,
  receiverCustomerId: t.receiverCustomerId,
  status: t.status,
  stopReason: t.stopReason,
  billable: t.billable,
  notBillableReason: t.notBillableReason,
};

/** `?sort`/`order` (ties by id), or the default: newest first. */
function transactionOrder(query: TransactionFilter): SQL[] {
  return sortOrder(query, sortColumns, transactions.id, [
    desc(transactions.startedAt),
    desc(transactions.ocppTransactionId),
  ]);
}

/**
 * Above this many matching sessions `total` is PostgreSQL's estimate and `totalExact` is false: an
 * exact count of a provider's whole history (1,000,000 sessions: ~300 ms, bench/RESULTS.md "Reports")
 * would slow every page. Filtered lists (a customer, a charge point, a month) stay below it and exact.
 */
export const EXACT_TOTAL_LIMIT = 50_000;

/** Sessions visible to the principal (R4, R64), newest first unless sorted. */
export async function listTransactions(
  deps: { db: Db },
  principal: Principal,
  query: TransactionFilter & { page: number; pageSize: number },
  exactTotalLimit = EXACT_TOTAL_LIMIT,
): Promise<TransactionPage> {
  const where = conditions(principal, query);
  const offset = (query.page - 1) * query.pageSize;
  const rows = await deps.db
    .select(viewColumns)
    .from(transactions)
    .where(where)
    .orderBy(...transactionOrder(query))
    .limit(query.pageSize)
    .offset(offset);
  // A short, non-empty page (or a short first page) is the end of the list: its total is known.
  const lastPage = rows.length < query.pageSize && (rows.length > 0 || offset === 0);
  const total = lastPage
    ? { n: offset + rows.length, exact: true }
    : await boundedTotal(deps.db, where, exactTotalLimit);
  return {
    items: rows.map(toTransactionView),
    total: total.n,
    totalExact: total.exact,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * The planner's estimate when it is above `limit` (a plan, no rows read); otherwise an exact count that
 * stops at `limit` + 1 rows, falling back to the estimate (never below the bound) when it gets there.
 */
async function boundedTotal(db: Db, where: SQL, limit: number): Promise<{ n: number; exact: boolean }> {
  const estimate = await estimatedRows(db, where);
  if (estimate > limit) return { n: estimate, exact: false };
  const capped = db
    .select({ one: sql`1` })
    .from(transactions)
    .where(where)
    .limit(limit + 1)
    .as("capped");
  const [row] = await db.select({ n: count() }).from(capped);
  const n = row?.n ?? 0;
  if (n <= limit) return { n, exact: true };
  return { n: Math.max(estimate, limit + 1), exact: false };
}

async function estimatedRows(db: Db, where: SQL): Promise<number> {
  const result = await db.execute(sql`explain (format json) select 1 from ${transactions} where ${where}`);
  const plan = (result as unknown as { rows: Record<string, unknown>[] }).rows[0]?.["QUERY PLAN"];
  const parsed = (typeof plan === "string" ? JSON.parse(plan) : plan) as {
    Plan?: { "Plan Rows"?: number };
  }[];
  return Math.round(Number(parsed?.[0]?.Plan?.["Plan Rows"] ?? 0));
}

const csvColumns = [
  "id",
  "chargePointId",
  "connectorId",
  "chargeCardId",
  "startedAt",
  "stoppedAt",
  "energyWh",
  "cost",
  "currency",
  "payerCustomerId",
  "receiverCustomerId",
  "status",
] as const;
const EXPORT_BATCH = 2_000;

/**
 * Every matching session in list order, in batches of 2,000, for exports: memory stays flat and the
 * first batch leaves at once. The scope is checked here, before anything is sent (R4).
 */
export function transactionBatches(
  deps: { db: Db },
  principal: Principal,
  filter: TransactionFilter,
  batchSize = EXPORT_BATCH,
): AsyncIterable<TransactionView[]> {
  return batchesOf(deps.db, conditions(principal, filter), filter, batchSize);
}

async function* batchesOf(
  db: Db,
  where: SQL,
  filter: TransactionFilter,
  size: number,
): AsyncGenerator<TransactionView[]> {
  let last: string | undefined;
  for (let offset = 0; ; offset += size) {
    // Newest first continues after the last row sent (keyset); a custom sort pages by offset.
    const batch = await db
      .select(viewColumns)
      .from(transactions)
      .where(last && !filter.sort ? and(where, olderThan(last)) : where)
      .orderBy(...transactionOrder(filter))
      .limit(size)
      .offset(filter.sort ? offset : 0);
    if (batch.length > 0) yield batch.map(toTransactionView);
    if (batch.length < size) return;
    last = batch.at(-1)!.id;
  }
}

/** The CSV export (API.md fields), streamed: one chunk per batch. */
export function exportTransactionsCsv(
  deps: { db: Db },
  principal: Principal,
  filter: TransactionFilter,
): AsyncIterable<string> {
  return csvChunks(transactionBatches(deps, principal, filter));
}

async function* csvChunks(batches: AsyncIterable<TransactionView[]>): AsyncGenerator<string> {
  yield `${csvColumns.join(",")}\r\n`;
  for await (const batch of batches) yield batch.map(csvRow).join("");
}

/** Rows after `id` in the default order (started_at desc, ocpp_transaction_id desc), exact to the microsecond. */
function olderThan(id: string): SQL {
  const key = sql`(select k.started_at, k.ocpp_transaction_id from ${transactions} k where k.id = ${id})`;
  return sql`(${transactions.startedAt}, ${transactions.ocppTransactionId}) < ${key}`;
}

function csvRow(t: TransactionView): string {
  return `${csvColumns.map((c) => csvCell(t[c])).join(",")}\r\n`;
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  // Quote what needs it, and defuse spreadsheet formulas.
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
