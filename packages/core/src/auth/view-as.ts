import { authTokens, customers } from "@voltlane/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { assertCan } from "../policy/can";
import type { SystemPrincipal } from "./principal";

/** R7: a system user opens a customer's own view, read-only; entering is audited. */
export async function enterViewAs(
  deps: CoreDeps,
  p: SystemPrincipal,
  tokenId: string,
  customerId: string,
): Promise<void> {
  assertCan(p, "view_as_customer", "read");
  const [customer] = await deps.db
    .select({ id: customers.id, status: customers.status })
    .from(customers)
    .where(and(eq(customers.id, customerId), eq(customers.providerId, p.providerId)));
  if (!customer) throw new AppError("not_found", "customer not found");
  if (customer.status !== "active")
    throw new AppError("business_rule", "the customer is closed", { rule: "R7" });
  await deps.db.update(authTokens).set({ viewAsCustomerId: customerId }).where(eq(authTokens.id, tokenId));
  await recordAudit(deps.db, p, { action: "customer.view_as", entityType: "customer", entityId: customerId });
}

export async function leaveViewAs(deps: CoreDeps, p: SystemPrincipal, tokenId: string): Promise<void> {
  await deps.db.update(authTokens).set({ viewAsCustomerId: null }).where(eq(authTokens.id, tokenId));
  await recordAudit(deps.db, p, {
    action: "customer.view_as_leave",
    entityType: "system_user",
    entityId: p.userId,
  });
}
