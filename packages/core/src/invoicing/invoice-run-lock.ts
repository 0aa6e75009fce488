import type { Db } from "@voltlane/db";
import { sql } from "drizzle-orm";

/**
 * R55: one run per provider at a time, and credit notes wait for it. A transaction-scoped advisory
 * lock keyed by the provider: safe across processes on PostgreSQL, released at commit or rollback.
 */
export async function lockProviderInvoicing(tx: Db, providerId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(727276, hashtext(${providerId}))`);
}
