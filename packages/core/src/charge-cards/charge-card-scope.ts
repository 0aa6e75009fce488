import type { ChargeCardDto } from "@voltlane/contracts";
import { chargeCards, customers, type Db } from "@voltlane/db";
import { and, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import type { Principal } from "../auth/principal";
import { AppError, notFound } from "../errors/app-error";
import { can, type Ownership, scopeOf } from "../policy/can";
import type { Capability } from "../policy/permission-matrix";

export type ChargeCardRow = typeof chargeCards.$inferSelect;

const qb = new QueryBuilder();

export function toChargeCardDto(c: ChargeCardRow): ChargeCardDto {
  return {
    id: c.id,
    externalId: c.externalId,
    rfid: c.rfid,
    kind: c.kind as ChargeCardDto["kind"],
    status: c.status as ChargeCardDto["status"],
    blockedReason: c.blockedReason,
    customerId: c.customerId,
    payerCustomerId: c.payerCustomerId,
    roaming: c.roamingAllowed,
    label: c.label,
    validUntil: c.validUntil?.toISOString() ?? null,
  };
}

/**
 * R4 and §6 "Charge Cards": staff see the provider's cards; customers the cards they use or pay;
 * company admins also their employees' cards.
 */
export function visibleCardsWhere(p: Principal): SQL {
  const provider = eq(chargeCards.providerId, p.providerId);
  if (p.kind === "system") return scopeOf(p, "cards") === "none" ? sql`false` : provider;
  const own = or(eq(chargeCards.customerId, p.customerId), eq(chargeCards.payerCustomerId, p.customerId))!;
  if (p.role !== "company_admin") return and(provider, own)!;
  const employees = qb
    .select({ id: customers.id })
    .from(customers)
    .where(eq(customers.companyId, p.customerId));
  return and(provider, or(own, inArray(chargeCards.customerId, employees)))!;
}

export async function loadVisibleCard(db: Db, p: Principal, id: string): Promise<ChargeCardRow> {
  const [row] = await db
    .select()
    .from(chargeCards)
    .where(and(eq(chargeCards.id, id), visibleCardsWhere(p)));
  if (!row) throw notFound("charge card");
  return row;
}

/** For the policy's own-scope decision: user, payer and the user's company. */
export async function cardOwnership(db: Db, card: ChargeCardRow): Promise<Ownership> {
  const [user] = card.customerId
    ? await db
        .select({ companyId: customers.companyId })
        .from(customers)
        .where(eq(customers.id, card.customerId))
    : [];
  return {
    customerIds: [card.customerId, card.payerCustomerId],
    companyIds: [user?.companyId, card.payerCustomerId],
  };
}

/** For a card the principal can already see: refusals are 403 (or R7 read-only), never 404. */
export function assertCardWrite(p: Principal, capability: Capability, ownership: Ownership): void {
  if (p.kind === "customer" && p.viewAsBy)
    throw new AppError("view_as_read_only", "viewing as a customer is read-only");
  if (!can(p, capability, "write", ownership)) throw new AppError("forbidden", `not allowed: ${capability}`);
}
