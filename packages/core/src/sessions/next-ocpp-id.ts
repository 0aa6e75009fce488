import { type Db, sequences } from "@voltlane/db";
import { sql } from "drizzle-orm";

/**
 * The next value of a per-provider counter (OCPP transaction and reservation ids). The row lock
 * serialises concurrent callers; gaps after a rolled-back insert are harmless (these are no invoice
 * numbers).
 */
export async function nextOcppId(db: Db, providerId: string, name: "ocpp_transaction" | "ocpp_reservation") {
  const [row] = await db
    .insert(sequences)
    .values({ providerId, name, value: 1 })
    .onConflictDoUpdate({
      target: [sequences.providerId, sequences.name],
      set: { value: sql`${sequences.value} + 1` },
    })
    .returning({ value: sequences.value });
  return row!.value;
}
