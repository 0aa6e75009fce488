import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bootstrapPlatform } from "@voltlane/core";
import {
  chargeCards,
  chargeGroups,
  chargePoints,
  customers,
  type Database,
  openDatabase,
  tariffs,
} from "@voltlane/db";
import pg from "pg";

/** The PostgreSQL server the benchmarks use (trust auth on 127.0.0.1 here). */
export const benchPgUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function adminQuery(sql: string) {
  const admin = new pg.Client({ connectionString: benchPgUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** Drops and creates a PostgreSQL database; returns its URL. */
export async function freshPgDatabase(name: string): Promise<string> {
  await adminQuery(`drop database if exists "${name}" with (force)`);
  await adminQuery(`create database "${name}"`);
  return withDatabase(benchPgUrl, name);
}

export const dropPgDatabase = (name: string) => adminQuery(`drop database if exists "${name}" with (force)`);

export type BenchTarget =
  | { kind: "postgres"; databaseUrl: string; label: string }
  | { kind: "pglite"; dataDir: string; label: string };

/** A fresh, empty target: a new PostgreSQL database or a new PGlite data directory. */
export async function freshTarget(kind: "postgres" | "pglite", name: string): Promise<BenchTarget> {
  if (kind === "postgres") {
    const databaseUrl = await freshPgDatabase(name);
    const version = await pgVersion(databaseUrl);
    return { kind, databaseUrl, label: `PostgreSQL ${version} (127.0.0.1, database ${name})` };
  }
  const dataDir = await mkdtemp(join(tmpdir(), `${name}-`));
  return { kind, dataDir, label: `PGlite (embedded, DATA_DIR ${dataDir})` };
}

async function pgVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ v: string }>("select current_setting('server_version') as v");
  await client.end();
  return rows[0]!.v;
}

/** Opens (and migrates) the target's database from the benchmark process. */
export function openTarget(target: BenchTarget, poolSize = 4): Promise<Database> {
  return target.kind === "postgres"
    ? openDatabase({ databaseUrl: target.databaseUrl, poolSize })
    : openDatabase({ dataDir: target.dataDir });
}

/** The environment that points a server process at the target. */
export const targetEnv = (target: BenchTarget): Record<string, string> =>
  target.kind === "postgres" ? { DATABASE_URL: target.databaseUrl } : { DATA_DIR: target.dataDir };

export type Fleet = { providerId: string; chargePoints: { id: string; idTag: string }[] };

/**
 * `count` active charge points without password (argon2 on 10,000 upgrades would measure argon2),
 * in a group open to the provider, each with its own active card, so every StartTransaction is
 * Accepted.
 */
export async function seedFleet(database: Database, count: number, prefix: string): Promise<Fleet> {
  const db = database.db;
  const { providerId } = await bootstrapPlatform(db, {
    adminEmail: "bench@voltlane.test",
    adminPassword: "bench-password-1",
  });
  const [owner] = await db
    .insert(customers)
    .values({ providerId, customerNumber: `${prefix}-OWNER`, type: "company", name: "Bench owner" })
    .returning();
  const [driver] = await db
    .insert(customers)
    .values({ providerId, customerNumber: `${prefix}-DRIVER`, type: "private", name: "Bench driver" })
    .returning();
  const [tariff] = await db
    .insert(tariffs)
    .values({
      providerId,
      name: `${prefix} tariff`,
      currency: "EUR",
      startFee: "0.5000",
      energyPrice: "0.3000",
      timePrice: "0.0000",
      idleFee: "0.0000",
      vatRate: "21.00",
    })
    .returning();
  const [group] = await db
    .insert(chargeGroups)
    .values({
      providerId,
      code: `${prefix}-G`,
      name: "Bench group",
      type: "other",
      tariffId: tariff!.id,
      access: "provider",
    })
    .returning();
  const fleet = Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(5, "0");
    return { id: `${prefix}${n}`, idTag: `BE${n}${prefix}`.toUpperCase().replace(/[^0-9A-Z]/g, "") };
  });
  for (let i = 0; i < fleet.length; i += 1000) {
    const chunk = fleet.slice(i, i + 1000);
    await db.insert(chargePoints).values(
      chunk.map((cp) => ({
        id: cp.id,
        providerId,
        name: cp.id,
        activation: "active",
        chargeGroupId: group!.id,
        ownerCustomerId: owner!.id,
      })),
    );
    await db.insert(chargeCards).values(
      chunk.map((cp) => ({
        providerId,
        externalId: `NL-BEN-${cp.idTag}`,
        rfid: cp.idTag,
        status: "active",
        customerId: driver!.id,
        payerCustomerId: driver!.id,
      })),
    );
  }
  return { providerId, chargePoints: fleet };
}
