import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema/index";

export type Schema = typeof schema;
/** The database handle every core function takes; a transaction is one too. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type DatabaseKind = "pglite" | "postgres";

export type Database = {
  db: Db;
  kind: DatabaseKind;
  close: () => Promise<void>;
  /** The raw PGlite instance (embedded mode only), e.g. to dump a template in tests. */
  pglite?: PGlite;
};

export const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));

export type OpenOptions =
  | { databaseUrl: string; poolSize?: number; migrate?: boolean }
  | { dataDir: string | undefined; loadDataDir?: Blob | File; migrate?: boolean };

/** The one switch between PostgreSQL (`DATABASE_URL`) and embedded PGlite (`DATA_DIR`). */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if ("databaseUrl" in options) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      // No JIT compilation: Voltlane's queries are short, and PostgreSQL's JIT added 150–260 ms of
      // compiling to every costly one (the invoice run's per-chunk selects, large exports) while
      // saving nothing measurable (bench/RESULTS.md). An `options` in the URL wins.
      ...(new URL(options.databaseUrl).searchParams.has("options") ? {} : { options: "-c jit=off" }),
    });
    // Keep idle clients from crashing the process when the server drops them.
    pool.on("error", () => {});
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    if (options.migrate !== false) await migratePostgres(pool);
    return { db, kind: "postgres", close: () => pool.end() };
  }
  const client = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  if (options.migrate !== false) await migratePglite(drizzlePglite(client), { migrationsFolder });
  return { db, kind: "pglite", close: () => client.close(), pglite: client };
}

/** Several processes may start at once: an advisory lock makes the migration run once. */
async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock(727274)");
    await migratePg(drizzlePg(client), { migrationsFolder });
  } finally {
    await client.query("select pg_advisory_unlock(727274)").catch(() => {});
    client.release();
  }
}
