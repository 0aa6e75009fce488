import { performance } from "node:perf_hooks";
import { bootstrapPlatform } from "@voltlane/core";
import { openDatabase } from "@voltlane/db";
import pg from "pg";
import { benchPgUrl, withDatabase } from "../lib/bench-database";
import { currentLoad, describeMachine } from "../lib/machine-info";
import { args, median, ms, percentile, table } from "../lib/stats";
import { generateReportData, VOLUME } from "./generate-report-data";
import { type QueryContext, reportQueries } from "./report-queries";

/**
 * `npm run bench:reports [-- --regenerate] [--iterations 30]`: transaction list, count and
 * dashboard queries over 1,000,000 transactions and 50,000,000 meter values in the PostgreSQL
 * database `voltlane_bench` (generated once, ~15–30 min here, and reused; `--regenerate` drops it).
 */
const a = args();
const dbName = "voltlane_bench";
const iterations = a.number("iterations", 30);
const url = withDatabase(benchPgUrl, dbName);

const admin = new pg.Client({ connectionString: benchPgUrl });
await admin.connect();
if (a.flag("regenerate") || !(await generationCompleted(url))) {
  await admin.query(`drop database if exists ${dbName} with (force)`);
}
const exists = (await admin.query("select 1 from pg_database where datname = $1", [dbName])).rowCount === 1;
if (!exists) await admin.query(`create database ${dbName}`);
await admin.end();

// Migrates (also any index added since the data was generated).
const database = await openDatabase({ databaseUrl: url, poolSize: 1 });
const { providerId } = await bootstrapPlatform(database.db, {});
await database.close();

const client = new pg.Client({ connectionString: url });
await client.connect();
const { rows: counts } = await client.query<{ n: string }>("select count(*) as n from transactions");
if (Number(counts[0]!.n) === 0) {
  console.log(`generating ${JSON.stringify(VOLUME)} …`);
  const started = Date.now();
  await generateReportData(client, providerId, console.log);
  // Marks a complete generation: an interrupted one is dropped and redone on the next start.
  await client.query("create table bench_complete (at timestamptz not null default now())");
  console.log(`generated in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
}
const { rows: version } = await client.query<{ v: string }>("select current_setting('server_version') as v");
console.log(describeMachine(`PostgreSQL ${version[0]!.v} (127.0.0.1, database ${dbName})`));
const sizes = await client.query<{ rel: string; size: string; rows: string }>(
  `select relname as rel, pg_size_pretty(pg_total_relation_size(oid)) as size, reltuples::bigint as rows
   from pg_class where relname in ('transactions', 'meter_values')`,
);
for (const s of sizes.rows) console.log(`${s.rel}: ~${s.rows} rows, ${s.size} with indexes`);

const ctx = await queryContext(client, providerId);
const rows: (string | number)[][] = [];
for (const q of reportQueries) {
  const params = q.params(ctx);
  const plan = await client.query(`explain (format json) ${q.sql}`, params);
  const seqScans = findSeqScans(plan.rows[0]["QUERY PLAN"]);
  for (let i = 0; i < 3; i++) await client.query(q.sql, params);
  const times: number[] = [];
  let resultRows = 0;
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    const res = await client.query(q.sql, params);
    times.push(performance.now() - started);
    resultRows = res.rowCount ?? 0;
  }
  const sorted = times.sort((x, y) => x - y);
  rows.push([
    q.name,
    resultRows,
    ms(median(sorted)),
    ms(percentile(sorted, 95)),
    seqScans.length ? `seq scan on ${seqScans.join(", ")}` : "no seq scan",
    currentLoad().split(" ")[0]!,
  ]);
  console.log(`${q.name}: p50 ${ms(median(sorted))} p95 ${ms(percentile(sorted, 95))}`);
}
console.log(`\n${iterations} iterations each, after 3 warm-up runs:\n`);
console.log(
  table(["query (SQL, see report-queries.ts)", "rows", "p50", "p95", "plan", "load (1 min)"], rows),
);
await client.end();

async function queryContext(client: pg.Client, providerId: string): Promise<QueryContext> {
  const one = async (sql: string) => (await client.query(sql)).rows[0].id as string;
  return {
    providerId,
    bigCustomerId: await one("select id from customers where customer_number = 'R-1'"),
    customerId: await one("select id from customers where customer_number = 'R-1234'"),
    chargePointId: "RCP01234",
  };
}

function findSeqScans(plan: unknown): string[] {
  const found: string[] = [];
  const walk = (node: any) => {
    if (!node || typeof node !== "object") return;
    if (node["Node Type"] === "Seq Scan") found.push(node["Relation Name"]);
    for (const value of Object.values(node)) walk(value);
  };
  walk(plan);
  return [...new Set(found)];
}

async function generationCompleted(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const { rows } = await client.query("select to_regclass('bench_complete') is not null as done");
    return rows[0].done === true;
  } catch {
    return false; // no such database yet
  } finally {
    await client.end().catch(() => {});
  }
}
