import type { Page, TransactionListQuery, TransactionView } from "@voltlane/contracts";
import { type Db, transactions } from "@voltlane/db";
import { and, count, desc, eq, gte, lt, or, type SQL } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import { sortOrder } from "../platform/sort-order";
import { toTransactionView, visibleTransactions } from "./transaction-view";

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
  energyWh: transactions.energyWh,
  cost: transactions.costNet,
  status: transactions.status,
};

/** `?sort`/`order` (ties by id), or the default: newest first. */
function transactionOrder(query: TransactionFilter): SQL[] {
  return sortOrder(query, sortColumns, transactions.id, [
    desc(transactions.startedAt),
    desc(transactions.ocppTransactionId),
  ]);
}

/** Sessions visible to the principal (R4, R64), newest first unless sorted. */
export async function listTransactions(
  deps: { db: Db },
  principal: Principal,
  query: TransactionFilter & { page: number; pageSize: number },
): Promise<Page<TransactionView>> {
  const where = conditions(principal, query);
  const [total] = await deps.db.select({ n: count() }).from(transactions).where(where);
  const rows = await deps.db
    .select()
    .from(transactions)
    .where(where)
    .orderBy(...transactionOrder(query))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    items: rows.map(toTransactionView),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
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

/** The CSV export (API.md fields), all matching rows, in pages so memory stays flat. */
export async function exportTransactionsCsv(
  deps: { db: Db },
  principal: Principal,
  filter: TransactionFilter,
): Promise<string> {
  const lines: string[] = [csvColumns.join(",")];
  for (let page = 1; ; page++) {
    const result = await listTransactions(deps, principal, { ...filter, page, pageSize: 500 });
    for (const t of result.items) lines.push(csvColumns.map((c) => csvCell(t[c])).join(","));
    if (page * 500 >= result.total) break;
  }
  return `${lines.join("\r\n")}\r\n`;
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  // Quote what needs it, and defuse spreadsheet formulas.
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
