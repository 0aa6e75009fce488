import {
  attachments,
  chargeCards,
  chargeGroups,
  chargePoints,
  customers,
  type Db,
  wallets,
} from "@voltlane/db";
import { and, eq, gt, inArray, isNull, notExists, or, sql } from "drizzle-orm";
import { openAt } from "../authorization/attachment-facts";

export type LocalListEntry = { idTag: string; status: "Accepted" | "Blocked"; expiryDate?: string };

/** OCPP 1.6 LocalAuthListMaxLength when the charger does not say. */
export const DEFAULT_LOCAL_LIST_MAX = 1000;

/**
 * The cards that may charge at this charge point for its local authorization list (issue #3 item 7),
 * as R32 would accept them online (checks 1–7): an active charger with a group; active, unexpired
 * cards of its provider whose user is active; with access `attached` only those whose user or payer is
 * a member or the receiver (R21). Members' cards come first, so a cap drops others' cards first.
 * Concurrent sessions (#9) cannot be known offline; they stay an online check. Wallet cards (#8) are
 * left out: a charger offline cannot know the balance, so it must ask (R29, R39).
 */
export async function buildLocalList(
  db: Db,
  chargePointId: string,
  at: Date,
  maxLength: number,
): Promise<LocalListEntry[]> {
  const [cp] = await db
    .select({
      providerId: chargePoints.providerId,
      activation: chargePoints.activation,
      ownerCustomerId: chargePoints.ownerCustomerId,
      groupId: chargeGroups.id,
      access: chargeGroups.access,
    })
    .from(chargePoints)
    .leftJoin(chargeGroups, eq(chargeGroups.id, chargePoints.chargeGroupId))
    .where(eq(chargePoints.id, chargePointId));
  if (cp?.activation !== "active" || !cp.groupId) return [];
  const members = new Set(await groupMembers(db, cp.groupId, at));
  if (cp.ownerCustomerId) members.add(cp.ownerCustomerId);
  const attachedOnly = cp.access === "attached";
  if (attachedOnly && members.size === 0) return [];
  const memberIds = [...members];
  const cards = await db
    .select({
      rfid: chargeCards.rfid,
      customerId: chargeCards.customerId,
      payerCustomerId: chargeCards.payerCustomerId,
      validUntil: chargeCards.validUntil,
    })
    .from(chargeCards)
    .innerJoin(customers, eq(customers.id, chargeCards.customerId))
    .where(
      and(
        eq(chargeCards.providerId, cp.providerId),
        eq(chargeCards.status, "active"),
        eq(customers.status, "active"),
        or(isNull(chargeCards.validUntil), gt(chargeCards.validUntil, at)),
        notExists(db.select({ one: sql`1` }).from(wallets).where(eq(wallets.cardId, chargeCards.id))),
        attachedOnly
          ? or(inArray(chargeCards.customerId, memberIds), inArray(chargeCards.payerCustomerId, memberIds))
          : undefined,
      ),
    );
  const isMember = (c: (typeof cards)[number]) =>
    members.has(c.customerId ?? "") || members.has(c.payerCustomerId ?? "");
  return cards
    .toSorted((a, b) => Number(isMember(b)) - Number(isMember(a)) || a.rfid.localeCompare(b.rfid))
    .slice(0, maxLength)
    .map((c) => ({
      idTag: c.rfid,
      status: "Accepted" as const,
      ...(c.validUntil ? { expiryDate: c.validUntil.toISOString() } : {}),
    }));
}

async function groupMembers(db: Db, chargeGroupId: string, at: Date): Promise<string[]> {
  const rows = await db
    .select({ customerId: attachments.customerId })
    .from(attachments)
    .where(
      and(
        eq(attachments.assetType, "charge_group"),
        eq(attachments.assetId, chargeGroupId),
        eq(attachments.role, "group_member"),
        openAt(at),
      ),
    );
  return rows.map((r) => r.customerId);
}
