import { mkdir, writeFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { bootstrapPlatform, type CoreDeps, type Principal, systemClock } from "@voltlane/core";
import { openDatabase } from "@voltlane/db";
import pg from "pg";
import { benchPgUrl, withDatabase } from "../lib/bench-database";
import { currentLoad, describeMachine } from "../lib/machine-info";
import { freePort, startServerProcess } from "../lib/server-process";
import { args, median, ms, percentile, table } from "../lib/stats";
import { explainCase } from "./explain-statements";
import { generateReportData, VOLUME } from "./generate-report-data";
import { apiTokenFor, timedGet } from "./http-client";
import { type ReportCase, reportCases, runCoreCase } from "./report-cases";
import {
  BENCH_PASSWORD,
  ensureSubjects,
  principalsOf,
  type SubjectKey,
  SYSTEM_EMAIL,
} from "./report-subjects";

/**
 * `npm run bench:reports [-- --regenerate] [--iterations 20] [--csv-iterations 10] [--no-core] [--no-http]
 * [--cases dashboard,CSV]`:
 * the dashboard, the transaction list and its CSV export over 1,000,000 transactions and 50,000,000
 * meter values in the PostgreSQL database `voltlane_bench` (generated once and reused; `--regenerate`
 * drops it), measured through the real core functions and through the real server over HTTP.
 */
const a = args();
const dbName = "voltlane_bench";
const iterations = a.number("iterations", 20);
const csvIterations = a.number("csv-iterations", 10);
const url = withDatabase(benchPgUrl, dbName);

const admin = new pg.Client({ connectionString: benchPgUrl });
await admin.connect();
if (a.flag("regenerate") || !(await generationCompleted(url))) {
  await admin.query(`drop database if exists ${dbName} with (force)`);
}
const exists = (await admin.query("select 1 from pg_database where datname = $1", [dbName])).rowCount === 1;
if (!exists) await admin.query(`create database ${dbName}`);
await admin.end();

// Migrates (also any index added since the data was generated), as the server does on start.
const database = await openDatabase({ databaseUrl: url, poolSize: 10 });
const { providerId } = await bootstrapPlatform(database.db, {
  adminEmail: SYSTEM_EMAIL,
  adminPassword: BENCH_PASSWORD,
});
const pool = new pg.Pool({ connectionString: url, max: 10 });
const client = await pool.connect();
const { rows: counts } = await client.query<{ n: string }>("select count(*) as n from transactions");
if (Number(counts[0]!.n) === 0) {
  console.log(`generating ${JSON.stringify(VOLUME)} …`);
  const started = Date.now();
  await generateReportData(client, providerId, console.log);
  // Marks a complete generation: an interrupted one is dropped and redone on the next start.
  await client.query("create table bench_complete (at timestamptz not null default now())");
  console.log(`generated in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
}
if (a.flag("generate-only")) {
  client.release();
  await Promise.all([pool.end(), database.close()]);
  process.exit(0);
}
const { rows: version } = await client.query<{ v: string }>("select current_setting('server_version') as v");
console.log(describeMachine(`PostgreSQL ${version[0]!.v} (127.0.0.1, database ${dbName})`));
const sizes = await client.query<{ rel: string; size: string; rows: string }>(
  `select relname as rel, pg_size_pretty(pg_total_relation_size(oid)) as size, reltuples::bigint as rows
   from pg_class where relname in ('transactions', 'meter_values')`,
);
for (const s of sizes.rows) console.log(`${s.rel}: ~${s.rows} rows, ${s.size} with indexes`);
client.release();

const deps: CoreDeps = {
  db: database.db,
  clock: systemClock,
  secretKey: "0".repeat(64),
  publicUrl: "http://127.0.0.1",
};
const subjects = await ensureSubjects(database.db, providerId);
const principals = await principalsOf(deps, subjects);
// `--cases a,b`: only the cases whose name contains one of the words (e.g. `--cases dashboard`).
const only = a.list("cases", []);
const cases = reportCases(subjects).filter((c) => only.length === 0 || only.some((w) => c.name.includes(w)));
if (cases.length === 0) throw new Error(`no case matches --cases ${only.join(",")}`);

type Timing = { p50: number; p95: number; rows: number; load: string };
const timings = async (n: number, once: () => Promise<number>): Promise<Timing> => {
  for (let i = 0; i < 3; i++) await once();
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    rows = await once();
    times.push(performance.now() - started);
  }
  const sorted = times.sort((x, y) => x - y);
  return { p50: median(sorted), p95: percentile(sorted, 95), rows, load: currentLoad().split(" ")[0]! };
};
const countOf = (c: ReportCase) => (c.csv ? csvIterations : iterations);

console.log(`\ncore functions (${iterations} iterations, CSV ${csvIterations}, after 3 warm-ups):`);
const core = new Map<string, Timing>();
for (const c of a.flag("no-core") ? [] : cases) {
  const t = await timings(countOf(c), () => runCoreCase(deps, principals[c.subject], c));
  core.set(c.name, t);
  console.log(`  ${c.name}: ${t.rows} rows, p50 ${ms(t.p50)} p95 ${ms(t.p95)} (load ${t.load})`);
}

const http = new Map<string, Timing & { firstByte: number }>();
if (!a.flag("no-http")) {
  const server = await startServerProcess({ port: await freePort(), env: { DATABASE_URL: url } });
  try {
    const tokens = {} as Record<SubjectKey, string>;
    for (const key of ["system", "companyAdmin", "privateUser"] as const) {
      tokens[key] = await apiTokenFor(server.url, subjects[key]);
    }
    console.log(`\nHTTP, real server ${server.url} (bearer API tokens):`);
    for (const c of cases) {
      const target = `${server.url}${c.path}?${new URLSearchParams(c.query)}`;
      const firstBytes: number[] = [];
      const t = await timings(countOf(c), async () => {
        const res = await timedGet(target, tokens[c.subject], performance.now());
        firstBytes.push(res.firstByteMs);
        return res.bytes;
      });
      http.set(c.name, { ...t, firstByte: median(firstBytes) });
      console.log(`  ${c.name}: ${t.rows} bytes, p50 ${ms(t.p50)} p95 ${ms(t.p95)} (load ${t.load})`);
    }
  } finally {
    await server.stop();
  }
}

console.log("\nEXPLAIN ANALYZE of each case's statements (slowest shown):");
const plans: string[] = [];
const rows: (string | number)[][] = [];
for (const c of cases) {
  const e = await explainCase(pool, deps, principals[c.subject] as Principal, c);
  const s = e.slowest;
  const t = core.get(c.name);
  const h = http.get(c.name);
  rows.push([
    c.name,
    t ? t.rows : "–",
    t ? ms(t.p50) : "–",
    t ? ms(t.p95) : "–",
    h ? ms(h.p50) : "–",
    h ? ms(h.p95) : "–",
    s ? `${ms(s.ms)}${s.seqScans.length ? `, seq scan ${s.seqScans.join(", ")}` : ""}` : "–",
    (t ?? h)?.load ?? currentLoad().split(" ")[0]!,
  ]);
  if (s) plans.push(`## ${c.name} (${e.statements} statements)\n\n${s.sql}\n\n${s.plan}\n`);
}
const planFile = "bench/.data/reports-plans.txt";
await mkdir("bench/.data", { recursive: true });
await writeFile(planFile, plans.join("\n"));
console.log(`plans of the slowest statement per case: ${planFile}`);
console.log(`\n${iterations} iterations (CSV ${csvIterations}) after 3 warm-ups; core on a pool of 10:\n`);
console.log(
  table(
    ["case", "rows", "core p50", "core p95", "HTTP p50", "HTTP p95", "slowest statement", "load (1 min)"],
    rows,
  ),
);
await Promise.all([pool.end(), database.close()]);

async function generationCompleted(databaseUrl: string): Promise<boolean> {
  const probe = new pg.Client({ connectionString: databaseUrl });
  try {
    await probe.connect();
    const { rows } = await probe.query("select to_regclass('bench_complete') is not null as done");
    return rows[0].done === true;
  } catch {
    return false; // no such database yet
  } finally {
    await probe.end().catch(() => {});
  }
}
