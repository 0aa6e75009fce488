import type { TransactionView } from "@voltlane/contracts";
import { transactions } from "@voltlane/db";
import { and, eq, or, type SQL, sql } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import { AppError } from "../errors/app-error";
import { scopeOf } from "../policy/can";
import type { Transaction } from "./session-lookup";

/** The columns a view needs: lists and exports select only these (no tariff snapshot, no audit times). */
export type TransactionViewRow = Pick<
  Transaction,
  | "id"
  | "ocppTransactionId"
  | "chargePointId"
  | "connectorId"
  | "evseId"
  | "chargeCardId"
  | "idTag"
  | "startedAt"
  | "stoppedAt"
  | "meterStartWh"
  | "meterStopWh"
  | "lastMeterWh"
  | "energyWh"
  | "chargingSeconds"
  | "idleSeconds"
  | "costNet"
  | "currency"
  | "userCustomerId"
  | "payerCustomerId"
  | "receiverCustomerId"
  | "status"
  | "stopReason"
  | "billable"
  | "notBillableReason"
>;

/**
 * A session's energy: its total once stopped; while active, what its last register reading shows
 * (the meter values writer keeps `last_meter_wh` current and leaves `energy_wh` to the stop, so that
 * its frequent UPDATE stays off the indexed columns).
 */
export function liveEnergyWh(
  t: Pick<Transaction, "status" | "energyWh" | "meterStartWh" | "lastMeterWh">,
): number {
  if (t.status !== "active") return t.energyWh;
  return Math.max(0, (t.lastMeterWh ?? t.meterStartWh) - t.meterStartWh);
}

/** `liveEnergyWh` in SQL (sorting, sums). */
export const liveEnergyWhSql = sql<number>`(case when ${transactions.status} = 'active'
  then greatest(0, coalesce(${transactions.lastMeterWh}, ${transactions.meterStartWh}) - ${transactions.meterStartWh})
  else ${transactions.energyWh} end)`;

export function toTransactionView(t: TransactionViewRow): TransactionView {
  return {
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
    energyWh: liveEnergyWh(t),
    chargingSeconds: t.chargingSeconds,
    idleSeconds: t.idleSeconds,
    cost: t.costNet,
    currency: t.currency,
    userCustomerId: t.userCustomerId,
    payerCustomerId: t.payerCustomerId,
    receiverCustomerId: t.receiverCustomerId,
    status: t.status as TransactionView["status"],
    stopReason: t.stopReason,
    billable: t.billable,
    notBillableReason: t.notBillableReason,
  };
}

/**
 * R4 and R64 as a query condition: system users see their provider's sessions; a customer those
 * where it is user, payer or receiver. For a company admin "it" is the company: sessions it pays or
 * receives, never an employee's self-paid ones (the employee is then user and payer, not the company).
 */
export function visibleTransactions(principal: Principal): SQL {
  const provider = eq(transactions.providerId, principal.providerId);
  const scope = scopeOf(principal, "transactions");
  if (scope === "none") throw new AppError("forbidden", "not allowed: transactions read");
  if (scope === "all" || principal.kind !== "customer") return provider;
  const me = principal.customerId;
  return and(
    provider,
    or(
      eq(transactions.userCustomerId, me),
      eq(transactions.payerCustomerId, me),
      eq(transactions.receiverCustomerId, me),
    ),
  )!;
}
