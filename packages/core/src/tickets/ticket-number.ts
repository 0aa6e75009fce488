import { type Db, sequences } from "@voltlane/db";
import { sql } from "drizzle-orm";

/**
 * The next ticket number of a provider, `T-000123`. The counter row is incremented inside the
 * caller's transaction, so a rolled-back ticket gives its number back (gapless).
 */
export async function nextTicketNumber(tx: Db, providerId: string): Promise<string> {
  const [row] = await tx
    .insert(sequences)
    .values({ providerId, name: "ticket", value: 1 })
    .onConflictDoUpdate({
      target: [sequences.providerId, sequences.name],
      set: { value: sql`${sequences.value} + 1` },
    })
    .returning({ value: sequences.value });
  return formatTicketNumber(row!.value);
}

export function formatTicketNumber(value: number): string {
  return `T-${String(value).padStart(6, "0")}`;
}
