import { chargePoints, type Db, transactions } from "@voltlane/db";
import { and, eq } from "drizzle-orm";
import type { Actor } from "../auth/principal";
import { AppError } from "../errors/app-error";

export type Transaction = typeof transactions.$inferSelect;

/** The charge point a message came from, as an audit actor (R8). Unknown identity → not_found. */
export async function chargePointActor(db: Db, chargePointId: string) {
  const [cp] = await db
    .select({ providerId: chargePoints.providerId })
    .from(chargePoints)
    .where(eq(chargePoints.id, chargePointId));
  if (!cp) throw new AppError("not_found", `charge point ${chargePointId} not found`);
  return { kind: "charge_point", providerId: cp.providerId, chargePointId } satisfies Actor;
}

/** A transaction by the id the charge point knows, within the charge point's provider (R4). */
export async function findByOcppId(
  db: Db,
  providerId: string,
  ocppTransactionId: number,
): Promise<Transaction | undefined> {
  const [row] = await db
    .select()
    .from(transactions)
    .where(
      and(eq(transactions.providerId, providerId), eq(transactions.ocppTransactionId, ocppTransactionId)),
    );
  return row;
}

/** R32 #9 (our design): the card already has an active session. */
export async function cardHasActiveSession(db: Db, cardId: string): Promise<boolean> {
  const rows = await db
    .select({ id: transactions.id })
    .from(transactions)
    .where(and(eq(transactions.chargeCardId, cardId), eq(transactions.status, "active")))
    .limit(1);
  return rows.length > 0;
}
