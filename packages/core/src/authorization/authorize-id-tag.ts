import { chargeCards, chargeGroups, chargePoints, customers, type Db } from "@voltlane/db";
import { eq } from "drizzle-orm";
import { normalizeRfid } from "../charge-cards/normalize-card-ids";
import { cardWalletBalance } from "../wallets/wallet-ledger";
import { isGroupMember } from "./attachment-facts";
import { type AuthorizationStatus, decideAuthorization } from "./decide-authorization";

export type { AuthorizationStatus } from "./decide-authorization";

export type AuthorizeIdTagInput = {
  chargePointId: string;
  idTag: string;
  at: Date;
  /** R32 #9: owned by the sessions feature; absent = no active session known. */
  hasActiveSession?: (cardId: string) => Promise<boolean>;
  /** R32 #8: the wallet balance (Money) of a wallet card, null without one; defaults to the ledger. */
  walletBalance?: (cardId: string) => Promise<number | null>;
};

export type AuthorizedCard = {
  id: string;
  providerId: string;
  externalId: string;
  rfid: string;
  customerId: string | null;
  payerCustomerId: string | null;
};

export type AuthorizeIdTagResult = {
  status: AuthorizationStatus;
  card?: AuthorizedCard;
  /** The card's validUntil, for idTagInfo.expiryDate. */
  expiryDate?: Date;
  /** The R32 row that refused. */
  failedCheck?: number;
};

/** R32: gathers the facts for one Authorize / StartTransaction and lets the pure rule decide. */
export async function authorizeIdTag(db: Db, input: AuthorizeIdTagInput): Promise<AuthorizeIdTagResult> {
  const [cp] = await db
    .select({
      providerId: chargePoints.providerId,
      activation: chargePoints.activation,
      ownerCustomerId: chargePoints.ownerCustomerId,
      groupAccess: chargeGroups.access,
      groupId: chargeGroups.id,
    })
    .from(chargePoints)
    .leftJoin(chargeGroups, eq(chargeGroups.id, chargePoints.chargeGroupId))
    .where(eq(chargePoints.id, input.chargePointId));
  const [row] = await db
    .select({ card: chargeCards, userStatus: customers.status })
    .from(chargeCards)
    .leftJoin(customers, eq(customers.id, chargeCards.customerId))
    .where(eq(chargeCards.rfid, normalizeRfid(input.idTag)));
  const card = row?.card;
  const parties = [card?.customerId, card?.payerCustomerId].filter((id): id is string => !!id);
  const attached =
    !!cp &&
    ((cp.ownerCustomerId !== null && parties.includes(cp.ownerCustomerId)) ||
      (cp.groupId !== null && (await isGroupMember(db, cp.groupId, parties, input.at))));
  const decision = decideAuthorization({
    at: input.at,
    chargePoint: cp ?? null,
    groupAccess: (cp?.groupAccess ?? null) as "attached" | "provider" | "roaming" | null,
    card: card ? { ...card, userStatus: row.userStatus ?? null } : null,
    userOrPayerAttached: attached,
    walletBalance: card ? await (input.walletBalance ?? ((id) => cardWalletBalance(db, id)))(card.id) : null,
    hasActiveSession: card && input.hasActiveSession ? await input.hasActiveSession(card.id) : false,
  });
  if (!card) return decision;
  const { id, providerId, externalId, rfid, customerId, payerCustomerId } = card;
  return {
    ...decision,
    card: { id, providerId, externalId, rfid, customerId, payerCustomerId },
    ...(card.validUntil ? { expiryDate: card.validUntil } : {}),
  };
}
