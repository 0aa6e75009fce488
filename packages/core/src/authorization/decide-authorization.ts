/** OCPP 1.6 idTagInfo statuses that R32 can answer. */
export type AuthorizationStatus = "Accepted" | "Blocked" | "Expired" | "Invalid" | "ConcurrentTx";

/** Everything R32 needs to know, gathered beforehand so that the decision itself is pure. */
export type AuthorizationFacts = {
  at: Date;
  chargePoint: { providerId: string; activation: string } | null;
  /** Access of the charge point's group; null when it has none. */
  groupAccess: "attached" | "provider" | "roaming" | null;
  card: {
    id: string;
    providerId: string;
    status: string;
    validUntil: Date | null;
    roamingAllowed: boolean;
    /** Status of the card's user customer; null when the card has no user. */
    userStatus: string | null;
  } | null;
  /** The card's user or payer is a member of the group, or is the charge point's receiver. */
  userOrPayerAttached: boolean;
  /** Wallet balance in Money when the card is a wallet card (R29, R39), else null. */
  walletBalance: number | null;
  hasActiveSession: boolean;
};

export type AuthorizationDecision = {
  status: AuthorizationStatus;
  /** The R32 row that refused; absent when accepted. */
  failedCheck?: number;
};

const refuse = (failedCheck: number, status: AuthorizationStatus): AuthorizationDecision => ({
  status,
  failedCheck,
});

/** R32: the checks in order; the first failure wins. */
export function decideAuthorization(f: AuthorizationFacts): AuthorizationDecision {
  const { chargePoint, card } = f;
  if (chargePoint?.activation !== "active") return refuse(1, "Invalid");
  if (!card) return refuse(2, "Invalid");
  if (card.status === "blocked") return refuse(3, "Blocked");
  if (card.status !== "active" || card.userStatus !== "active") return refuse(4, "Invalid");
  if (card.validUntil && card.validUntil.getTime() <= f.at.getTime()) return refuse(5, "Expired");
  const foreign = card.providerId !== chargePoint.providerId;
  if (foreign && !(f.groupAccess === "roaming" && card.roamingAllowed)) return refuse(6, "Invalid");
  if (!foreign && !f.userOrPayerAttached && (f.groupAccess ?? "attached") === "attached") {
    return refuse(7, "Invalid");
  }
  // R29: a wallet card works only at its own provider's chargers, and only while in credit.
  if (f.walletBalance !== null && (foreign || f.walletBalance <= 0)) return refuse(8, "Invalid");
  if (f.hasActiveSession) return refuse(9, "ConcurrentTx");
  return { status: "Accepted" };
}
