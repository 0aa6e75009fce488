import { type Db, meterValues, transactions } from "@voltlane/db";
import { and, asc, eq } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import { AppError } from "../errors/app-error";
import { toTransactionView, visibleTransactions } from "./transaction-view";

/** One session with its meter value series; invisible or unknown → 404 (R4). */
export async function getTransaction(deps: { db: Db }, principal: Principal, id: string) {
  const [row] = await deps.db
    .select()
    .from(transactions)
    .where(and(visibleTransactions(principal), eq(transactions.id, id)));
  if (!row) throw new AppError("not_found", "transaction not found");
  const series = await deps.db
    .select({
      sampledAt: meterValues.sampledAt,
      measurand: meterValues.measurand,
      phase: meterValues.phase,
      value: meterValues.value,
      unit: meterValues.unit,
    })
    .from(meterValues)
    .where(eq(meterValues.transactionId, row.id))
    .orderBy(asc(meterValues.sampledAt), asc(meterValues.id));
  return {
    ...toTransactionView(row),
    costStartFee: row.costStartFee,
    costEnergy: row.costEnergy,
    costTime: row.costTime,
    costIdle: row.costIdle,
    margin: row.margin,
    maxPowerW: row.maxPowerW,
    soc: row.soc,
    meterValues: series,
  };
}
