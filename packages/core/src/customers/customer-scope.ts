import { customers, type Db } from "@voltlane/db";
import { and, eq, or, type SQL } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import { AppError, notFound } from "../errors/app-error";

export type CustomerRow = typeof customers.$inferSelect;

/**
 * R4/§2: staff see every customer of their provider; a company admin sees its company and its
 * employees; employees and private users see only themselves.
 */
export function visibleCustomersWhere(p: Principal): SQL {
  const provider = eq(customers.providerId, p.providerId);
  if (p.kind === "system") return provider;
  if (p.role === "company_admin") {
    return and(provider, or(eq(customers.id, p.customerId), eq(customers.companyId, p.customerId)))!;
  }
  return and(provider, eq(customers.id, p.customerId))!;
}

/** The customer if the principal may see it; anything else answers 404 (R4). */
export async function loadVisibleCustomer(db: Db, p: Principal, id: string): Promise<CustomerRow> {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.id, id), visibleCustomersWhere(p)));
  if (!row) throw notFound("customer");
  return row;
}

/** Locks the row for the rest of the transaction (type changes, off-boarding). */
export async function lockVisibleCustomer(tx: Db, p: Principal, id: string): Promise<CustomerRow> {
  const [row] = await tx
    .select()
    .from(customers)
    .where(and(eq(customers.id, id), visibleCustomersWhere(p)))
    .for("update");
  if (!row) throw notFound("customer");
  return row;
}

/** R7: viewing as a customer never writes. */
export function assertNotViewAs(p: Principal): void {
  if (p.kind === "customer" && p.viewAsBy) {
    throw new AppError("view_as_read_only", "viewing as a customer is read-only");
  }
}

/** Ownership for the policy: the customer itself, and for employees their company. */
export function ownershipOf(row: CustomerRow) {
  return { customerIds: [row.id], companyIds: [row.companyId] };
}
