import { customers, type Db, providers } from "@voltlane/db";
import { and, eq } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import { AppError } from "../errors/app-error";
import { scopeOf } from "../policy/can";

export type DashboardSubject = { customerId: string; timeZone: string; currency: string };

/**
 * Whose dashboard, visible like transactions: system users any customer of their provider (R4);
 * customers only themselves (a company admin's customer is the company). Others answer 404.
 */
export async function resolveDashboardSubject(
  db: Db,
  principal: Principal,
  requested: string | undefined,
): Promise<DashboardSubject> {
  const scope = scopeOf(principal, "transactions");
  if (scope === "none") throw new AppError("forbidden", "not allowed: transactions read");
  const customerId = requested ?? (principal.kind === "customer" ? principal.customerId : undefined);
  if (!customerId) {
    throw new AppError("validation_failed", "customerId is required", [
      { path: "customerId", message: "Required" },
    ]);
  }
  if (scope === "own" && (principal.kind !== "customer" || customerId !== principal.customerId)) {
    throw new AppError("not_found", "customer not found");
  }
  const [row] = await db
    .select({ id: customers.id, timeZone: providers.timeZone, currency: providers.currency })
    .from(customers)
    .innerJoin(providers, eq(providers.id, customers.providerId))
    .where(and(eq(customers.id, customerId), eq(customers.providerId, principal.providerId)));
  if (!row) throw new AppError("not_found", "customer not found");
  return { customerId: row.id, timeZone: row.timeZone, currency: row.currency };
}
