import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { bootstrapPlatform, createDocumentStore, runInvoicing, systemClock } from "@voltlane/core";
import { openDatabase } from "@voltlane/db";
import pg from "pg";
import { benchPgUrl, withDatabase } from "../lib/bench-database";
import { currentLoad, describeMachine } from "../lib/machine-info";
import { args } from "../lib/stats";
import { generateInvoiceData, INVOICE_VOLUME } from "./generate-invoice-data";

/**
 * `npm run bench:invoice-run [-- --regenerate] [--timeout-s 600]`: the real monthly run
 * (`runInvoicing`, one database transaction) for 100,000 customers and 1,000,000 sessions in the
 * PostgreSQL database `voltlane_bench_invoice`. The run rolls back when the timeout aborts it, so
 * the generated month can be run again.
 */
const a = args();
const dbName = "voltlane_bench_invoice";
const timeoutS = a.number("timeout-s", 600);
const url = withDatabase(benchPgUrl, dbName);

const admin = new pg.Client({ connectionString: benchPgUrl });
await admin.connect();
if (a.flag("regenerate") || !(await generationCompleted(url))) {
  await admin.query(`drop database if exists ${dbName} with (force)`);
}
const exists = (await admin.query("select 1 from pg_database where datname = $1", [dbName])).rowCount === 1;
if (!exists) await admin.query(`create database ${dbName}`);
await admin.end();

const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
const { providerId } = await bootstrapPlatform(database.db, {});
const client = new pg.Client({ connectionString: url });
await client.connect();
const { rows } = await client.query<{ n: string }>("select count(*) as n from transactions");
if (Number(rows[0]!.n) === 0) {
  console.log(`generating ${JSON.stringify(INVOICE_VOLUME)} …`);
  await generateInvoiceData(client, providerId, console.log);
  // Marks a complete generation: an interrupted one is dropped and redone on the next start.
  await client.query("create table bench_complete (at timestamptz not null default now())");
}
const { rows: version } = await client.query<{ v: string }>("select current_setting('server_version') as v");
console.log(describeMachine(`PostgreSQL ${version[0]!.v} (127.0.0.1, database ${dbName})`));
// Every run starts from the generated month: earlier (completed) runs are undone.
const { rows: done } = await client.query<{ n: string }>("select count(*) as n from invoices");
if (Number(done[0]!.n) > 0) {
  console.log(`${done[0]!.n} invoices of an earlier run exist: use --regenerate to start from a clean month`);
}
await client.end();

const documentsDir = await mkdtemp(join(tmpdir(), "voltlane-bench-documents-"));
const deps = {
  db: database.db,
  clock: systemClock,
  secretKey: "07".repeat(32),
  publicUrl: "http://127.0.0.1:3000",
  documents: createDocumentStore(documentsDir),
};
const started = performance.now();
let lastReport = 0;
const timer = setTimeout(() => {
  console.log(
    `\nNOT FINISHED within ${timeoutS} s (load ${currentLoad()}); the run's transaction is rolled back.`,
  );
  process.exit(3);
}, timeoutS * 1000);
try {
  const result = await runInvoicing(
    deps as never,
    { kind: "job", providerId, name: "bench" },
    {
      providerId,
      period: INVOICE_VOLUME.period,
      trigger: "manual",
      onProgress: (doneCount, total) => {
        const now = performance.now();
        if (now - lastReport < 10_000) return;
        lastReport = now;
        console.log(`  ${doneCount}/${total} invoices after ${((now - started) / 1000).toFixed(0)} s`);
      },
    },
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `\ninvoice run ${INVOICE_VOLUME.period}: ${result.invoices.length} invoices for ${INVOICE_VOLUME.sessions} sessions ` +
      `in ${seconds.toFixed(1)} s (load ${currentLoad()}); counts ${JSON.stringify(result.run.counts)}`,
  );
} catch (error) {
  console.log(
    `\ninvoice run FAILED after ${((performance.now() - started) / 1000).toFixed(1)} s (load ${currentLoad()}):\n${String(error).slice(0, 2000)}`,
  );
} finally {
  clearTimeout(timer);
  await database.close();
  await rm(documentsDir, { recursive: true, force: true });
}
process.exit(0);

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
