import type { ChargeCardDto, ChargeCardListQuery, Page } from "@voltlane/contracts";
import { chargeCards } from "@voltlane/db";
import { and, asc, count, eq, ilike, or, type SQL } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import type { CoreDeps } from "../platform/deps";
import { sortOrder } from "../platform/sort-order";
import { toChargeCardDto, visibleCardsWhere } from "./charge-card-scope";

const sortColumns = {
  externalId: chargeCards.externalId,
  rfid: chargeCards.rfid,
  label: chargeCards.label,
  status: chargeCards.status,
  validUntil: chargeCards.validUntil,
  createdAt: chargeCards.createdAt,
};

/** System users: all cards of the provider; customers: their own (§6 Charge Cards). */
export async function listChargeCards(
  deps: CoreDeps,
  p: Principal,
  query: ChargeCardListQuery,
): Promise<Page<ChargeCardDto>> {
  const where: SQL[] = [visibleCardsWhere(p)];
  if (query.q)
    where.push(
      or(
        ilike(chargeCards.externalId, `%${query.q}%`),
        ilike(chargeCards.rfid, `%${query.q}%`),
        ilike(chargeCards.label, `%${query.q}%`),
      )!,
    );
  if (query.status) where.push(eq(chargeCards.status, query.status));
  if (query.customerId)
    where.push(
      or(eq(chargeCards.customerId, query.customerId), eq(chargeCards.payerCustomerId, query.customerId))!,
    );
  const [rows, [total]] = await Promise.all([
    deps.db
      .select()
      .from(chargeCards)
      .where(and(...where))
      .orderBy(
        ...sortOrder(query, sortColumns, chargeCards.id, [asc(chargeCards.externalId), asc(chargeCards.id)]),
      )
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    deps.db
      .select({ n: count() })
      .from(chargeCards)
      .where(and(...where)),
  ]);
  return {
    items: rows.map(toChargeCardDto),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
