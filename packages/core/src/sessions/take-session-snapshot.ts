import { connectors, type Db, type transactions } from "@voltlane/db";
import { and, eq } from "drizzle-orm";
import { resolveSessionSnapshot } from "../authorization/resolve-session-snapshot";
import { findCardWallet } from "../wallets/wallet-ledger";

export type SessionSnapshotColumns = Partial<
  Pick<
    typeof transactions.$inferInsert,
    | "tariffSnapshot"
    | "currency"
    | "chargeGroupId"
    | "chargeGroupType"
    | "userCustomerId"
    | "payerCustomerId"
    | "receiverCustomerId"
    | "roaming"
    | "evseId"
    | "walletId"
  >
>;

/**
 * R33, R34: what a session keeps from the moment it starts. The assets feature resolves tariff,
 * group and parties; this maps its answer onto the transaction's columns.
 */
export async function takeSessionSnapshot(
  db: Db,
  input: { chargePointId: string; connectorId: number; cardId: string; at: Date },
): Promise<SessionSnapshotColumns> {
  const snapshot = await resolveSessionSnapshot(db, input);
  const [connector] = await db
    .select({ evseId: connectors.evseId })
    .from(connectors)
    .where(
      and(eq(connectors.chargePointId, input.chargePointId), eq(connectors.connectorId, input.connectorId)),
    );
  return {
    tariffSnapshot: snapshot.tariffSnapshot,
    currency: snapshot.tariffSnapshot?.currency ?? null,
    chargeGroupId: snapshot.chargeGroupId,
    chargeGroupType: snapshot.chargeGroupType,
    userCustomerId: snapshot.userCustomerId,
    payerCustomerId: snapshot.payerCustomerId,
    receiverCustomerId: snapshot.receiverCustomerId,
    roaming: snapshot.roaming,
    evseId: connector?.evseId ?? null,
    // R39: the wallet the stop debits, fixed at start like the payer (R34).
    walletId: (await findCardWallet(db, input.cardId))?.id ?? null,
  };
}
