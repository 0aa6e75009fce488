import { type Db, transactions } from "@voltlane/db";
import { eq, type SQL, sql } from "drizzle-orm";
import { inWindow, type Window } from "./energy-series";

/** Sessions of the customer's cards: it is the card's user or payer (a company: also employees' company-paid cards, R64). */
export const usedBy = (customerId: string): SQL =>
  sql`(${transactions.userCustomerId} = ${customerId} or ${transactions.payerCustomerId} = ${customerId})`;

/** Sessions on the customer's charge points: it is the receiver (R40). */
export const deliveredBy = (customerId: string): SQL => eq(transactions.receiverCustomerId, customerId);

const sumInt = (expr: SQL) => sql<number>`coalesce(sum(${expr}), 0)`.mapWith(Number);

export type DashboardTotals = {
  usedWh: number;
  deliveredWh: number;
  costs: number;
  revenue: number;
  sessionsUsed: number;
  sessionsDelivered: number;
};

/**
 * Costs are what the customer pays (payer only: an employee's company-paid sessions cost the employee
 * nothing); revenue is what its chargers earn from others, net − margin and never below 0 (R41, R42).
 */
export async function dashboardTotals(db: Db, w: Window, customerId: string): Promise<DashboardTotals> {
  const [used] = await db
    .select({
      wh: sumInt(sql`${transactions.energyWh}`),
      sessions: sql<number>`count(*)`.mapWith(Number),
      costs: sumInt(
        sql`case when ${transactions.payerCustomerId} = ${customerId} then ${transactions.costNet} else 0 end`,
      ),
    })
    .from(transactions)
    .where(inWindow(w, usedBy(customerId)));
  const [delivered] = await db
    .select({
      wh: sumInt(sql`${transactions.energyWh}`),
      sessions: sql<number>`count(*)`.mapWith(Number),
      // R42: charging on one's own charger with one's own card earns nothing.
      revenue: sumInt(
        sql`case when ${transactions.payerCustomerId} is distinct from ${customerId}
          then greatest(coalesce(${transactions.costNet}, 0) - coalesce(${transactions.margin}, 0), 0)
          else 0 end`,
      ),
    })
    .from(transactions)
    .where(inWindow(w, deliveredBy(customerId)));
  return {
    usedWh: used?.wh ?? 0,
    sessionsUsed: used?.sessions ?? 0,
    costs: used?.costs ?? 0,
    deliveredWh: delivered?.wh ?? 0,
    sessionsDelivered: delivered?.sessions ?? 0,
    revenue: delivered?.revenue ?? 0,
  };
}
