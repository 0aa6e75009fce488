import { chargePoints, connectors, customers, type Db } from "@voltlane/db";
import { and, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import type { Principal } from "../auth/principal";
import { notFound } from "../errors/app-error";
import { scopeOf } from "../policy/can";

export type ChargePointRow = typeof chargePoints.$inferSelect;

// Renders subqueries without a connection.
const qb = new QueryBuilder();

/**
 * R4 and §2 "Charge point details": staff see the provider's chargers; customers their own
 * (receiver or hosting payer), company admins also their employees'.
 */
export function visibleChargePointsWhere(p: Principal): SQL {
  const provider = eq(chargePoints.providerId, p.providerId);
  if (p.kind === "system" || scopeOf(p, "charge_point_details") === "all") return provider;
  if (scopeOf(p, "charge_point_details") === "none") return sql`false`;
  const own = or(
    eq(chargePoints.ownerCustomerId, p.customerId),
    eq(chargePoints.subscriptionPayerCustomerId, p.customerId),
  )!;
  if (p.role !== "company_admin") return and(provider, own)!;
  const employees = qb
    .select({ id: customers.id })
    .from(customers)
    .where(eq(customers.companyId, p.customerId));
  return and(
    provider,
    or(
      own,
      inArray(chargePoints.ownerCustomerId, employees),
      inArray(chargePoints.subscriptionPayerCustomerId, employees),
    ),
  )!;
}

export async function loadVisibleChargePoint(db: Db, p: Principal, id: string): Promise<ChargePointRow> {
  const [row] = await db
    .select()
    .from(chargePoints)
    .where(and(eq(chargePoints.id, id), visibleChargePointsWhere(p)));
  if (!row) throw notFound("charge point");
  return row;
}

export async function connectorsOf(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(connectors).where(inArray(connectors.chargePointId, ids));
}
