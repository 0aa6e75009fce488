import { attachments, customers, type Db } from "@voltlane/db";
import { and, eq, isNull, or } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import { assertNotViewAs } from "../customers/customer-scope";
import { forbidden } from "../errors/app-error";
import { assertCan, scopeOf } from "../policy/can";

/**
 * The grids a principal may read: staff with grid rights see all of their provider's grids; customers
 * see the grids attached to them as `grid_viewer` (company admins also their employees'), R4.
 * Returns null for "all".
 */
export async function visibleGridIds(db: Db, p: Principal): Promise<Set<string> | null> {
  assertCan(p, "grids", "read");
  if (scopeOf(p, "grids") === "all") return null;
  if (p.kind !== "customer") return new Set();
  const customerWhere =
    p.role === "company_admin"
      ? or(eq(customers.id, p.customerId), eq(customers.companyId, p.customerId))
      : eq(customers.id, p.customerId);
  const rows = await db
    .select({ gridId: attachments.assetId })
    .from(attachments)
    .innerJoin(customers, eq(customers.id, attachments.customerId))
    .where(
      and(
        eq(attachments.providerId, p.providerId),
        eq(attachments.assetType, "grid"),
        eq(attachments.role, "grid_viewer"),
        isNull(attachments.validTo),
        customerWhere,
      ),
    );
  return new Set(rows.map((r) => r.gridId));
}

export const canSeeGrid = (visible: Set<string> | null, gridId: string) =>
  visible === null || visible.has(gridId);

/**
 * Grid writes are for staff with F on "Grids" (operations, admin, super). Customers' own scope is the
 * read-only grid_viewer link (our design): a grid's limits protect a whole connection, not one customer.
 */
export function assertGridWriter(p: Principal): void {
  assertNotViewAs(p);
  if (p.kind === "customer") throw forbidden("grids are managed by the provider");
  assertCan(p, "grids", "write");
}
