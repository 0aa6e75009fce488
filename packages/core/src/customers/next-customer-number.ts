import { type Db, sequences } from "@voltlane/db";
import { sql } from "drizzle-orm";

/**
 * The next customer number of a provider (`C000001`). The counter row stays locked until the
 * caller's transaction ends, so numbers are gapless and never handed out twice.
 */
export async function nextCustomerNumber(tx: Db, providerId: string): Promise<string> {
  const [row] = await tx
    .insert(sequences)
    .values({ providerId, name: "customer", value: 1 })
    .onConflictDoUpdate({
      target: [sequences.providerId, sequences.name],
      set: { value: sql`${sequences.value} + 1` },
    })
    .returning({ value: sequences.value });
  return `C${String(row!.value).padStart(6, "0")}`;
}
