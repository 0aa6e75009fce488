import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import {
  bootstrapPlatform,
  createDocumentStore,
  produceInvoiceDocuments,
  runInvoicing,
  systemClock,
} from "@voltlane/core";
import { openDatabase } from "@voltlane/db";
import pg from "pg";
import { backendPids, cpuSeconds, cpuUsedBetween } from "../ingest/process-cpu";
import { benchPgUrl, withDatabase } from "../lib/bench-database";
import { currentLoad, describeMachine } from "../lib/machine-info";
import { args, median } from "../lib/stats";
import { generateInvoiceData, INVOICE_VOLUME } from "./generate-invoice-data";
import { resetInvoiceRun } from "./reset-invoice-run";

/**
 * `npm run bench:invoice-run [-- --regenerate] [--runs 1] [--timeout-s 600] [--documents-s 60] [--documents-only]`:
 * the real monthly run (`runInvoicing`: chunks of customers, each its own transaction) for 100,000
 * customers and 1,000,000 sessions in the PostgreSQL database `voltlane_bench_invoice`. Before each
 * run the month is reset to uninvoiced (`reset-invoice-run.ts`), so runs can be repeated without
 * regenerating. After the last run the documents queue (PDF + e-mail per invoice, after commit) is
 * worked for `--documents-s` seconds to measure its rate (`--documents-only`: just that, on the
 * invoices an earlier, possibly cut, run issued).
 */
const a = args();
const dbName = "voltlane_bench_invoice";
const timeoutS = a.number("timeout-s", 600);
const runs = a.number("runs", 1);
const documentsS = a.number("documents-s", 60);
const url = withDatabase(benchPgUrl, dbName);

const admin = new pg.Client({ connectionString: benchPgUrl });
await admin.connect();
if (a.flag("regenerate") || !(await generationCompleted(url))) {
  await admin.query(`drop database if exists ${dbName} with (force)`);
}
const exists = (await admin.query("select 1 from pg_database where datname = $1", [dbName])).rowCount === 1;
if (!exists) await admin.query(`create database ${dbName}`);
await admin.end();

const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
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

const documentsDir = await mkdtemp(join(tmpdir(), "voltlane-bench-documents-"));
const deps = {
  db: database.db,
  clock: systemClock,
  secretKey: "07".repeat(32),
  publicUrl: "http://127.0.0.1:3000",
  documents: createDocumentStore(documentsDir),
};
/**
 * CPU seconds (user + system) of this process and of the PostgreSQL backends serving the bench
 * database since `start()`: figures the neighbours on a shared machine disturb much less than the
 * wall-clock time.
 */
const cpu = {
  pids: [] as number[],
  node: process.cpuUsage(),
  pg: new Map<number, number>(),
  async start() {
    this.pids = await backendPids(benchPgUrl, dbName);
    this.node = process.cpuUsage();
    this.pg = cpuSeconds(this.pids);
    this.seen = new Map(this.pg);
  },
  /** Last reading per backend: the pool closes idle connections, and a gone process reads as 0. */
  seen: new Map<number, number>(),
  async refresh() {
    this.pids = [...new Set([...this.pids, ...(await backendPids(benchPgUrl, dbName))])];
  },
  describe(): string {
    const node = process.cpuUsage(this.node);
    for (const [pid, seconds] of cpuSeconds(this.pids)) {
      if (seconds > 0) this.seen.set(pid, seconds);
    }
    const pgSeconds = cpuUsedBetween(this.pg, new Map([...this.pg, ...this.seen]));
    return `CPU node ${((node.user + node.system) / 1e6).toFixed(1)} s, PostgreSQL ${pgSeconds.toFixed(1)} s`;
  },
};
const timer = setTimeout(() => {
  console.log(
    `\nNOT FINISHED within ${timeoutS} s (load ${currentLoad()}, ${cpu.describe()}); committed chunks stay until the next reset.`,
  );
  process.exit(3);
}, timeoutS * 1000);
const seconds: number[] = [];
try {
  for (let i = 1; i <= (a.flag("documents-only") ? 0 : runs); i++) {
    const resetStarted = performance.now();
    if (await resetInvoiceRun(client)) {
      console.log(
        `\nreset the month to uninvoiced in ${((performance.now() - resetStarted) / 1000).toFixed(1)} s`,
      );
    }
    seconds.push(await timedRun(i));
  }
  if (seconds.length > 1) console.log(`\nmedian of ${runs} runs: ${median(seconds).toFixed(1)} s`);
  await timedDocuments();
} catch (error) {
  const cause = error instanceof Error && error.cause ? `\ncause: ${String(error.cause)}` : "";
  console.log(`\ninvoice run FAILED (load ${currentLoad()}):\n${String(error).slice(0, 2000)}${cause}`);
} finally {
  clearTimeout(timer);
  await client.end();
  await database.close();
  await rm(documentsDir, { recursive: true, force: true });
}
process.exit(0);

async function timedRun(index: number): Promise<number> {
  await cpu.start();
  const started = performance.now();
  let lastReport = 0;
  const result = await runInvoicing(
    deps as never,
    { kind: "job", providerId, name: "bench" },
    {
      providerId,
      period: INVOICE_VOLUME.period,
      trigger: "manual",
      onProgress: (done, total) => {
        const now = performance.now();
        if (now - lastReport < 10_000 && done < total) return;
        lastReport = now;
        void cpu.refresh(); // the pool's second connection opens during the run
        console.log(
          `  ${done}/${total} customers after ${((now - started) / 1000).toFixed(1)} s (${cpu.describe()})`,
        );
      },
    },
  );
  const s = (performance.now() - started) / 1000;
  console.log(
    `invoice run ${index} ${INVOICE_VOLUME.period}: ${result.invoices.length} invoices for ${INVOICE_VOLUME.sessions} sessions ` +
      `in ${s.toFixed(1)} s (load ${currentLoad()}, ${cpu.describe()}); counts ${JSON.stringify(result.run.counts)}`,
  );
  return s;
}

/** The documents queue after commit: PDFs and e-mails produced in `documentsS` seconds. */
async function timedDocuments() {
  if (documentsS <= 0) return;
  const started = performance.now();
  let produced = 0;
  while (performance.now() - started < documentsS * 1000) {
    const n = await produceInvoiceDocuments(deps as never, { limit: 200 });
    produced += n;
    if (n === 0) break;
  }
  const s = (performance.now() - started) / 1000;
  const { rows } = await client.query<{ n: string }>(
    "select count(*) as n from invoices where pdf_sha256 is null and status <> 'draft'",
  );
  console.log(
    `documents: ${produced} PDFs + e-mails in ${s.toFixed(1)} s (${(produced / s).toFixed(0)}/s, load ${currentLoad()}); ` +
      `${rows[0]!.n} still queued`,
  );
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
