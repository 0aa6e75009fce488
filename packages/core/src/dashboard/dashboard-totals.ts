import { type Db, transactions } from "@voltlane/db";
import { eq, type SQL, sql } from "drizzle-orm";
import { type PeriodSums, type SumBranch, sumsByPeriod, type Window } from "./energy-series";

/** Sessions of the customer's cards: it is the card's user or payer (a company: also employees' company-paid cards, R64). */
export const usedBy = (customerId: string): SQL =>
  sql`(${transactions.userCustomerId} = ${customerId} or ${transactions.payerCustomerId} = ${customerId})`;

/** Sessions on the customer's charge points: it is the receiver (R40). */
export const deliveredBy = (customerId: string): SQL => eq(transactions.receiverCustomerId, customerId);

/**
 * The used sessions as two disjoint branches for the sums: those the customer pays (their cost counts)
 * and those of its cards that someone else pays (an employee's company-paid session costs the employee
 * nothing, R64). Together exactly `usedBy`.
 */
const usedBranches = (customerId: string): SumBranch[] => [
  { who: eq(transactions.payerCustomerId, customerId), amount: sql`${transactions.costNet}` },
  {
    who: sql`${transactions.userCustomerId} = ${customerId} and ${transactions.payerCustomerId} is distinct from ${customerId}`,
    amount: sql`0`,
  },
];

/** Revenue is what its chargers earn from others, net − margin and never below 0 (R41); R42: own card, own charger earns nothing. */
const revenueOf = (customerId: string): SQL =>
  sql`case when ${transactions.payerCustomerId} is distinct from ${customerId}
    then greatest(coalesce(${transactions.costNet}, 0) - coalesce(${transactions.margin}, 0), 0)
    else 0 end`;

export type DashboardTotals = {
  usedWh: number;
  deliveredWh: number;
  costs: number;
  revenue: number;
  sessionsUsed: number;
  sessionsDelivered: number;
};

export type DashboardUsage = {
  energyUsed: { period: string; wh: number }[];
  energyDelivered: { period: string; wh: number }[];
  totals: DashboardTotals;
};

/**
 * Energy used and delivered per period and the window's totals, from one grouped query per side: the
 * totals are the sums of the periods (money in integer minor units), so the rows are read once.
 */
export async function dashboardUsage(
  db: Db,
  w: Window,
  customerId: string,
  periods: string[],
): Promise<DashboardUsage> {
  const [used, delivered] = await Promise.all([
    sumsByPeriod(db, w, usedBranches(customerId)),
    sumsByPeriod(db, w, [{ who: deliveredBy(customerId), amount: revenueOf(customerId) }]),
  ]);
  const total = (rows: PeriodSums[], key: "wh" | "sessions" | "amount") =>
    rows.reduce((sum, r) => sum + r[key], 0);
  return {
    energyUsed: seriesOf(periods, used),
    energyDelivered: seriesOf(periods, delivered),
    totals: {
      usedWh: total(used, "wh"),
      sessionsUsed: total(used, "sessions"),
      costs: total(used, "amount"),
      deliveredWh: total(delivered, "wh"),
      sessionsDelivered: total(delivered, "sessions"),
      revenue: total(delivered, "amount"),
    },
  };
}

/** Every period of the window, empty ones as 0, so that charts show gaps. */
function seriesOf(periods: string[], rows: PeriodSums[]): { period: string; wh: number }[] {
  const byPeriod = new Map(rows.map((r) => [r.period, r.wh]));
  return periods.map((period) => ({ period, wh: byPeriod.get(period) ?? 0 }));
}
