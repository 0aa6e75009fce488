import { type Db, type transactions, walletEntries } from "@voltlane/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../auth/principal";
import { sumMoney } from "../money/money";
import { walletDebitFor } from "./wallet-debit";

type Session = typeof transactions.$inferSelect;

/**
 * R39: a wallet session is debited when it stops. The first debit is the `session` entry; a later
 * recomputation of the same session (a real StopTransaction after the server closed it at a reboot)
 * books only the difference as an `adjustment`, so replays never debit twice. A session that ends
 * not billable or invalid costs nothing. The balance may go negative once; R32 #8 then refuses.
 *
 * Our reading of "wallet sessions on invoices": the wallet debit is the payer's settlement of the
 * session, so the monthly run adds no payer line for it (R53 allows at most one, none is fine); the
 * charger's receiver still gets its revenue line (R40, R41). Call inside the stop's transaction, with
 * the transaction row locked.
 */
export async function settleWalletSession(db: Db, actor: Actor, session: Session, at: Date): Promise<void> {
  if (!session.walletId) return;
  const target = -owed(session);
  const entries = await db
    .select({ kind: walletEntries.kind, amount: walletEntries.amount })
    .from(walletEntries)
    .where(eq(walletEntries.transactionId, session.id));
  const booked = sumMoney(entries.map((e) => e.amount));
  if (booked === target) return;
  const kind = entries.some((e) => e.kind === "session") ? "adjustment" : "session";
  const [entry] = await db
    .insert(walletEntries)
    .values({
      providerId: session.providerId,
      walletId: session.walletId,
      kind,
      amount: target - booked,
      transactionId: session.id,
      reference: `session ${session.ocppTransactionId}`,
      createdBy: actor.kind === "charge_point" ? actor.chargePointId : actor.kind,
      at: session.stoppedAt ?? at,
    })
    .returning();
  await recordAudit(db, actor, {
    action: `wallet.${kind}`,
    entityType: "wallet",
    entityId: session.walletId,
    before: { booked },
    after: { entryId: entry!.id, amount: entry!.amount, transactionId: session.id },
    at,
  });
}

function owed(session: Session): number {
  if (session.status !== "completed" || !session.billable || session.costNet === null) return 0;
  const snapshot = (session.tariffSnapshot ?? {}) as { vatRate?: string };
  return walletDebitFor({
    costNet: session.costNet,
    margin: session.margin ?? 0,
    vatRate: snapshot.vatRate ?? "0.00",
    chargeGroupType: session.chargeGroupType as "home" | "other" | null,
    payerIsReceiver:
      session.payerCustomerId !== null && session.payerCustomerId === session.receiverCustomerId,
  });
}
