import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./client";
import { providers } from "./schema/index";
import { createTestDatabase } from "./testing";

describe("test database", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it("is migrated and empty", async () => {
    const rows = await database.db.select().from(providers);
    expect(rows).toEqual([]);
    const result = await database.db.execute(
      sql`select count(*)::int as n from information_schema.tables where table_name = 'customers'`,
    );
    expect((result as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
  });
});
