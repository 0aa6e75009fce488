import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "./client";
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

// PostgreSQL only: PGlite has no JIT and no connection options.
describe.skipIf(!process.env.TEST_DATABASE_URL)("PostgreSQL connections (needs TEST_DATABASE_URL)", () => {
  const jitOf = async (database: Database) => {
    const result = await database.db.execute(sql`select current_setting('jit') as jit`);
    return (result as unknown as { rows: { jit: string }[] }).rows[0]!.jit;
  };

  it("open without JIT unless the URL sets its own options", async () => {
    const url = process.env.TEST_DATABASE_URL!;
    const plain = await openDatabase({ databaseUrl: url, migrate: false, poolSize: 1 });
    const own = await openDatabase({
      databaseUrl: `${url}${url.includes("?") ? "&" : "?"}options=${encodeURIComponent("-c jit=on")}`,
      migrate: false,
      poolSize: 1,
    });
    try {
      expect(await jitOf(plain)).toBe("off");
      expect(await jitOf(own)).toBe("on");
    } finally {
      await plain.close();
      await own.close();
    }
  });
});
