import { type Db, sequences } from "@voltlane/db";
import { and, eq, sql } from "drizzle-orm";

/**
 * R55: one run per provider at a time, and credit notes wait for it. A transaction-scoped advisory
 * lock keyed by the provider: safe across processes on PostgreSQL, released at commit or rollback.
 */
export async function lockProviderInvoicing(tx: Db, providerId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(727276, hashtext(${providerId}))`);
}

const billingChangesName = "billing_changes";

/**
 * For a change to what a completed session bills (R37 billable override, the recomputation of a
 * session the server closed at a reboot): waits for a run's current chunk (R55) and counts the
 * change. The monthly run prepares its next chunk outside the lock and writes it only if this count
 * is still the one it read in the same snapshot (`billingChangesOf`); otherwise it reads the chunk
 * again under the lock. Call inside the change's transaction.
 */
export async function lockForBillingChange(tx: Db, providerId: string): Promise<void> {
  await lockProviderInvoicing(tx, providerId);
  await tx
    .insert(sequences)
    .values({ providerId, name: billingChangesName, value: 1 })
    .onConflictDoUpdate({
      target: [sequences.providerId, sequences.name],
      set: { value: sql`${sequences.value} + 1` },
    });
}

/** How many billing changes the provider has had (see `lockForBillingChange`). */
export async function billingChangesOf(db: Db, providerId: string): Promise<number> {
  const [row] = await db
    .select({ value: sequences.value })
    .from(sequences)
    .where(and(eq(sequences.providerId, providerId), eq(sequences.name, billingChangesName)));
  return row?.value ?? 0;
}
