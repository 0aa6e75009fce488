import type { DashboardQuery, DashboardView } from "@voltlane/contracts";
import { type Db, transactions } from "@voltlane/db";
import { desc, type SQL, sql } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import type { Clock } from "../platform/clock";
import { toTransactionView } from "../sessions/transaction-view";
import { resolveDashboardSubject } from "./dashboard-customer";
import { dashboardUsage, deliveredBy, usedBy } from "./dashboard-totals";
import { periodsOf, type Window } from "./energy-series";
import { stationOverview } from "./station-overview";

const DEFAULT_DAYS = 30;
const RECENT = 10;

/**
 * The Dashboard tab (DOMAIN.md §6): energy used by the customer's cards and delivered by its charge
 * points per interval and in total, the latest sessions of each, and its stations' live status.
 */
export async function getDashboard(
  deps: { db: Db; clock: Clock },
  principal: Principal,
  query: DashboardQuery,
): Promise<DashboardView> {
  const subject = await resolveDashboardSubject(deps.db, principal, query.customerId);
  const to = query.to ?? deps.clock.now();
  const from = query.from ?? new Date(to.getTime() - DEFAULT_DAYS * 86_400_000);
  const w: Window = {
    providerId: principal.providerId,
    from,
    to,
    interval: query.interval,
    timeZone: subject.timeZone,
  };
  const used = usedBy(subject.customerId);
  const delivered = deliveredBy(subject.customerId);
  const periods = await periodsOf(deps.db, w);
  const [usage, recentCard, recentCp, stations] = await Promise.all([
    dashboardUsage(deps.db, w, subject.customerId, periods),
    recentSessions(deps.db, principal.providerId, used),
    recentSessions(deps.db, principal.providerId, delivered),
    stationOverview(deps.db, principal.providerId, subject.customerId),
  ]);
  return {
    customerId: subject.customerId,
    from,
    to,
    interval: query.interval,
    timeZone: subject.timeZone,
    energyUsed: usage.energyUsed,
    energyDelivered: usage.energyDelivered,
    totals: { ...usage.totals, currency: subject.currency },
    recentCardTransactions: recentCard,
    recentChargePointTransactions: recentCp,
    stations,
  };
}

/** The latest sessions regardless of the window: "most recent" means now, not the chart's range. */
async function recentSessions(db: Db, providerId: string, who: SQL) {
  const rows = await db
    .select()
    .from(transactions)
    .where(sql`${transactions.providerId} = ${providerId} and ${who}`)
    .orderBy(desc(transactions.startedAt))
    .limit(RECENT);
  return rows.map(toTransactionView);
}
