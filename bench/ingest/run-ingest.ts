import { rm } from "node:fs/promises";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { meterValues } from "@voltlane/db";
import { count } from "drizzle-orm";
import {
  type BenchTarget,
  benchPgUrl,
  dropPgDatabase,
  freshTarget,
  openTarget,
  seedFleet,
  targetEnv,
} from "../lib/bench-database";
import { startEchoServer } from "../lib/echo-process";
import { type MeterValuesResult, VALUES_PER_MESSAGE } from "../lib/load-generator";
import { startLoadGenerator } from "../lib/load-generator-process";
import { currentLoad, describeMachine } from "../lib/machine-info";
import { freePort, startServerProcess } from "../lib/server-process";
import { args, median, ms, table } from "../lib/stats";
import { backendPids, cpuSeconds, cpuUsedBetween } from "./process-cpu";

/**
 * `npm run bench:ingest`: N lean charge points send MeterValues (one in flight each) to a bare
 * ocpp-rpc echo server (the ceiling), then to Voltlane on PGlite and on PostgreSQL; saturated, then
 * paced at half the echo ceiling. Every acknowledged message must be in meter_values.
 */
const a = args();
const chargePointCount = a.number("charge-points", 200);
const seconds = a.number("seconds", 15);
const runs = a.number("runs", 3);
const targets = a.list("targets", ["echo", "pglite", "postgres"]) as ("echo" | "pglite" | "postgres")[];
/** `--cpu-prof-dir DIR`: the server writes a V8 CPU profile per target and run (summarize-cpu-profile.ts). */
const cpuProfDir = a.string("cpu-prof-dir", "");
const profilePreload = fileURLToPath(new URL("./cpu-profile-preload.cjs", import.meta.url));

function profileEnv(target: string, run: number): Record<string, string> {
  if (!cpuProfDir) return {};
  return {
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${profilePreload}`.trim(),
    BENCH_CPU_PROF_DIR: resolve(cpuProfDir, `${target}-run${run}`),
  };
}

const BENCH_DATABASE = "voltlane_bench_ingest";

type Measurement = {
  run: number;
  target: string;
  saturated: MeterValuesResult;
  paced?: MeterValuesResult;
  pacedRate?: number;
  persisted?: { expected: number; found: number };
  /** CPU milliseconds per acknowledged message in the saturated phase, per process group. */
  cpuMsPerMessage: { target: number; database: number; loadGenerator: number };
  load: string;
};

async function measure(
  target: "echo" | "pglite" | "postgres",
  run: number,
  ceiling?: number,
): Promise<Measurement> {
  const port = await freePort();
  const fleet = Array.from({ length: chargePointCount }, (_, i) => ({
    id: `ING${String(i + 1).padStart(5, "0")}`,
    idTag: `BE${String(i + 1).padStart(5, "0")}ING`,
  }));
  let bench: BenchTarget | undefined;
  let stop: () => Promise<unknown>;
  let ocppUrl: string;
  let targetPid: number;
  let startProfile = () => {};
  if (target === "echo") {
    const echo = await startEchoServer(port);
    ocppUrl = echo.ocppUrl;
    stop = echo.stop;
    targetPid = echo.pid;
  } else {
    bench = await freshTarget(target, BENCH_DATABASE);
    const database = await openTarget(bench);
    await seedFleet(database, chargePointCount, "ING");
    await database.close();
    const server = await startServerProcess({
      port,
      env: { ...targetEnv(bench), JOBS: "false", ...profileEnv(target, run) },
    });
    ocppUrl = server.ocppUrl;
    stop = server.stop;
    targetPid = server.pid;
    startProfile = () => server.child.send("cpu-profile:start");
  }
  const load = startLoadGenerator();
  try {
    const connected = await load.send<{ connected: number; failed: number; firstError?: string }>({
      cmd: "connect",
      url: ocppUrl,
      chargePoints: fleet,
      concurrency: 50,
    });
    if (connected.failed) throw new Error(`${connected.failed} connections failed: ${connected.firstError}`);
    const started = await load.send<{ statuses: Record<string, number> }>({ cmd: "start-transactions" });
    if (started.statuses.Accepted !== chargePointCount)
      throw new Error(`StartTransaction answers: ${JSON.stringify(started.statuses)}`);
    // Warm-up: JIT, connection pool, caches.
    const warm = await load.send<MeterValuesResult>({ cmd: "meter-values", durationMs: 3_000 });
    startProfile();
    const dbPids = bench?.kind === "postgres" ? await backendPids(benchPgUrl, BENCH_DATABASE) : [];
    const cpuBefore = [cpuSeconds([targetPid]), cpuSeconds(dbPids), cpuSeconds([load.pid])];
    const saturated = await load.send<MeterValuesResult>({ cmd: "meter-values", durationMs: seconds * 1000 });
    const dbPidsAfter = bench?.kind === "postgres" ? await backendPids(benchPgUrl, BENCH_DATABASE) : [];
    const cpuAfter = [cpuSeconds([targetPid]), cpuSeconds(dbPidsAfter), cpuSeconds([load.pid])];
    const perMessage = (i: number) =>
      (cpuUsedBetween(cpuBefore[i]!, cpuAfter[i]!) * 1000) / Math.max(1, saturated.acked);
    const pacedRate = Math.round((ceiling ?? saturated.perSecond) / 2);
    const paced =
      target === "echo"
        ? undefined
        : await load.send<MeterValuesResult>({
            cmd: "meter-values",
            durationMs: seconds * 1000,
            ratePerSecond: pacedRate,
          });
    const loadNow = currentLoad();
    await load.close();
    await stop();
    const persisted = bench
      ? {
          expected: (warm.acked + saturated.acked + (paced?.acked ?? 0)) * VALUES_PER_MESSAGE,
          found: await countMeterValues(bench),
        }
      : undefined;
    return {
      run,
      target,
      saturated,
      paced,
      pacedRate: paced ? pacedRate : undefined,
      persisted,
      cpuMsPerMessage: { target: perMessage(0), database: perMessage(1), loadGenerator: perMessage(2) },
      load: loadNow,
    };
  } finally {
    await load.close();
    await stop().catch(() => {});
    if (bench?.kind === "postgres") await dropPgDatabase(BENCH_DATABASE);
    if (bench?.kind === "pglite") await rm(bench.dataDir, { recursive: true, force: true });
  }
}

async function countMeterValues(bench: BenchTarget): Promise<number> {
  const database = await openTarget(bench, 1);
  try {
    const [row] = await database.db.select({ n: count() }).from(meterValues);
    return row!.n;
  } finally {
    await database.close();
  }
}

const cpuMs = (value: number) => `${value.toFixed(3)} ms`;

const machine = describeMachine("PGlite (embedded) and PostgreSQL on 127.0.0.1; see each row");
console.log(machine);
console.log(
  `\n${chargePointCount} charge points, one MeterValues in flight each (${VALUES_PER_MESSAGE} sampled values), ${seconds} s per phase, ${runs} run(s)\n`,
);
const results: Measurement[] = [];
for (let run = 1; run <= runs; run++) {
  let ceiling: number | undefined;
  for (const target of targets) {
    const m = await measure(target, run, ceiling).catch((error: unknown) => {
      console.log(`run ${run} ${target} FAILED (load ${currentLoad()}): ${String(error).split("\n")[0]}`);
      return undefined;
    });
    if (!m) continue;
    if (target === "echo") ceiling = m.saturated.perSecond;
    results.push(m);
    const p = m.paced;
    console.log(
      `run ${run} ${target.padEnd(8)} saturated ${m.saturated.perSecond.toFixed(0)} msg/s ` +
        `p50 ${ms(m.saturated.p50)} p95 ${ms(m.saturated.p95)} p99 ${ms(m.saturated.p99)} errors ${m.saturated.errors}` +
        (p
          ? ` | paced ${m.pacedRate}/s → ${p.perSecond.toFixed(0)} msg/s p50 ${ms(p.p50)} p95 ${ms(p.p95)} p99 ${ms(p.p99)}`
          : "") +
        (m.persisted ? ` | meter values ${m.persisted.found}/${m.persisted.expected}` : "") +
        ` | CPU per msg: ${target} ${cpuMs(m.cpuMsPerMessage.target)}` +
        (target === "postgres" ? `, PostgreSQL ${cpuMs(m.cpuMsPerMessage.database)}` : "") +
        `, load generator ${cpuMs(m.cpuMsPerMessage.loadGenerator)}` +
        ` | load ${m.load}`,
    );
  }
}

const rows = targets.map((target) => {
  const mine = results.filter((r) => r.target === target);
  const ratios = mine.map((m) => {
    const echo = results.find((r) => r.run === m.run && r.target === "echo");
    return echo ? m.saturated.perSecond / echo.saturated.perSecond : Number.NaN;
  });
  const med = (f: (m: Measurement) => number | undefined) =>
    median(mine.map(f).filter((v): v is number => v !== undefined));
  const all = mine.every((m) => !m.persisted || m.persisted.found >= m.persisted.expected);
  return [
    target,
    med((m) => m.saturated.perSecond).toFixed(0),
    `${(median(ratios) * 100).toFixed(0)} %`,
    ms(med((m) => m.saturated.p50)),
    ms(med((m) => m.saturated.p99)),
    target === "echo" ? "–" : `${med((m) => m.pacedRate).toFixed(0)}/s`,
    target === "echo" ? "–" : ms(med((m) => m.paced?.p50)),
    target === "echo" ? "–" : ms(med((m) => m.paced?.p95)),
    target === "echo" ? "–" : ms(med((m) => m.paced?.p99)),
    target === "echo" ? "–" : all ? "yes" : "NO",
    cpuMs(med((m) => m.cpuMsPerMessage.target + m.cpuMsPerMessage.database)),
    mine.map((m) => m.load.split(" ")[0]).join(", "),
  ];
});
console.log(`\nMedians of ${runs} run(s):\n`);
console.log(
  table(
    [
      "target",
      "msg/s",
      "of echo",
      "p50",
      "p99",
      "paced at",
      "paced p50",
      "paced p95",
      "paced p99",
      "all persisted",
      "CPU per msg (server + db)",
      "load (1 min) per run",
    ],
    rows,
  ),
);
process.exit(0);
