import { customers, type Db, loginUsers, systemUsers } from "@voltlane/db";
import { eq, inArray } from "drizzle-orm";

/** Display names of message authors: system users and customer logins. */
export async function authorNames(
  db: Db,
  authors: { authorKind: string; authorId: string }[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const systemIds = [...new Set(authors.filter((a) => a.authorKind === "system").map((a) => a.authorId))];
  const loginIds = [...new Set(authors.filter((a) => a.authorKind === "customer").map((a) => a.authorId))];
  if (systemIds.length > 0) {
    const rows = await db
      .select({ id: systemUsers.id, name: systemUsers.name })
      .from(systemUsers)
      .where(inArray(systemUsers.id, systemIds));
    for (const r of rows) names.set(r.id, r.name);
  }
  if (loginIds.length > 0) {
    const rows = await db
      .select({ id: loginUsers.id, name: loginUsers.name })
      .from(loginUsers)
      .where(inArray(loginUsers.id, loginIds));
    for (const r of rows) names.set(r.id, r.name);
  }
  return names;
}

export async function customerName(db: Db, customerId: string): Promise<string> {
  const [row] = await db.select({ name: customers.name }).from(customers).where(eq(customers.id, customerId));
  return row?.name ?? "";
}
