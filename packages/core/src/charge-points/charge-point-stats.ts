import type { ChargePointStats } from "@voltlane/contracts";
import { chargePointConnectionEvents, type Db, providers, transactions } from "@voltlane/db";
import { and, asc, desc, eq, gte, lt, ne, sql } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import type { CoreDeps } from "../platform/deps";
import { liveEnergyWhSql } from "../sessions/transaction-view";
import { loadVisibleChargePoint } from "./charge-point-scope";

export type ConnectionEvent = { online: boolean; at: Date };

/**
 * Share of [from, to) a charger was online, from its connection history. `before` is the last
 * change before `from` (its state holds at `from`); without it, measuring starts at the first change
 * inside the window, since nothing is known before that. Pure, so it is tested with tables of cases.
 */
export function measureUptime(
  before: ConnectionEvent | null,
  events: readonly ConnectionEvent[],
  from: Date,
  to: Date,
): { onlineSeconds: number; measuredSeconds: number; since: Date | null } {
  const inWindow = events.filter((e) => e.at >= from && e.at < to);
  const start = before ? from : inWindow[0]?.at;
  if (!start) return { onlineSeconds: 0, measuredSeconds: 0, since: null };
  let online = before?.online ?? false;
  let cursor = start.getTime();
  let onlineMs = 0;
  for (const event of inWindow) {
    if (online) onlineMs += event.at.getTime() - cursor;
    cursor = event.at.getTime();
    online = event.online;
  }
  if (online) onlineMs += to.getTime() - cursor;
  return {
    onlineSeconds: Math.round(onlineMs / 1000),
    measuredSeconds: Math.round((to.getTime() - start.getTime()) / 1000),
    since: start,
  };
}

async function connectionHistory(db: Db, chargePointId: string, from: Date, to: Date) {
  const forCp = eq(chargePointConnectionEvents.chargePointId, chargePointId);
  const columns = { online: chargePointConnectionEvents.online, at: chargePointConnectionEvents.at };
  const [before] = await db
    .select(columns)
    .from(chargePointConnectionEvents)
    .where(and(forCp, lt(chargePointConnectionEvents.at, from)))
    .orderBy(desc(chargePointConnectionEvents.at), desc(chargePointConnectionEvents.id))
    .limit(1);
  const events = await db
    .select(columns)
    .from(chargePointConnectionEvents)
    .where(and(forCp, gte(chargePointConnectionEvents.at, from), lt(chargePointConnectionEvents.at, to)))
    .orderBy(asc(chargePointConnectionEvents.at), asc(chargePointConnectionEvents.id));
  return { before: before ?? null, events };
}

/** Sessions started in the window (not invalid), their energy, and the net revenue of those completed. */
async function sessionTotals(db: Db, providerId: string, chargePointId: string, from: Date, to: Date) {
  const [row] = await db
    .select({
      sessions: sql<number>`count(*)`.mapWith(Number),
      energyWh: sql<number>`coalesce(sum(${liveEnergyWhSql}), 0)`.mapWith(Number),
      revenue:
        sql<number>`coalesce(sum(${transactions.costNet}) filter (where ${transactions.status} = 'completed'), 0)`.mapWith(
          Number,
        ),
    })
    .from(transactions)
    .where(
      and(
        eq(transactions.providerId, providerId),
        eq(transactions.chargePointId, chargePointId),
        ne(transactions.status, "invalid"),
        gte(transactions.startedAt, from),
        lt(transactions.startedAt, to),
      ),
    );
  return row ?? { sessions: 0, energyWh: 0, revenue: 0 };
}

/**
 * Charge point detail page (§6, §7 "30-day uptime, energy, sessions, revenue"): for anyone who may
 * see the charger's details (R4: others get 404).
 */
export async function getChargePointStats(
  deps: CoreDeps,
  p: Principal,
  chargePointId: string,
  days = 30,
): Promise<ChargePointStats> {
  const cp = await loadVisibleChargePoint(deps.db, p, chargePointId);
  const to = deps.clock.now();
  const from = new Date(to.getTime() - days * 86_400_000);
  const history = await connectionHistory(deps.db, cp.id, from, to);
  const uptime = measureUptime(history.before, history.events, from, to);
  const totals = await sessionTotals(deps.db, cp.providerId, cp.id, from, to);
  const [provider] = await deps.db
    .select({ currency: providers.currency })
    .from(providers)
    .where(eq(providers.id, cp.providerId));
  return {
    chargePointId: cp.id,
    from: from.toISOString(),
    to: to.toISOString(),
    days,
    uptime: {
      // Two decimals as a string; null while nothing of the window is known.
      percent:
        uptime.measuredSeconds > 0
          ? ((uptime.onlineSeconds * 100) / uptime.measuredSeconds).toFixed(2)
          : null,
      onlineSeconds: uptime.onlineSeconds,
      measuredSeconds: uptime.measuredSeconds,
      since: uptime.since?.toISOString() ?? null,
    },
    sessions: totals.sessions,
    energyWh: totals.energyWh,
    revenue: totals.revenue,
    currency: provider!.currency,
  };
}
