import { execSync, fork } from "node:child_process";
import { mkdir, rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { chargePoints } from "@voltlane/db";
import { count, eq } from "drizzle-orm";
import { dropPgDatabase, freshTarget, openTarget, seedFleet, targetEnv } from "../lib/bench-database";
import { currentLoad, describeMachine } from "../lib/machine-info";
import { freePort, startServerProcess } from "../lib/server-process";
import { args, mib, ms, table } from "../lib/stats";
import { summarizeCpuProfile } from "./cpu-profile-summary";
import { growthPerConnection, summarizeHeapSnapshot } from "./heap-summary";
import type { ConnectResult, FleetCommand, FleetStats } from "./idle-fleet";

/**
 * `npm run bench:connections`: how many idle charge points (BootNotification, then a Heartbeat every
 * 60 s) one server process holds, and what each costs in RSS and heap. The fleet runs in its own
 * process; both need one file descriptor per socket (the npm script raises ulimit -n).
 *
 * --count 10000  --hold-seconds 75  --database postgres|pglite  --redis (REDIS_URL, as several
 * processes run)  --heap-snapshot (snapshots before/after into bench/.data, grouped per connection)
 * --cpu-profile (the server's CPU during the hold, into bench/.data, summarised by source area)
 */
const a = args();
const total = a.number("count", 10_000);
const holdSeconds = a.number("hold-seconds", 75);
const kind = a.string("database", "postgres") as "postgres" | "pglite";
const redisUrl = a.flag("redis") ? a.string("redis-url", "redis://127.0.0.1:6379") : undefined;
const snapshots = a.flag("heap-snapshot");
const cpuProfile = a.flag("cpu-profile");
const heartbeatMs = 60_000;
const dataDir = fileURLToPath(new URL("../.data", import.meta.url));

// One database per run: two runs at once (a smoke run beside a long one) must not drop each other's.
const databaseName = `voltlane_bench_connections_${process.pid}`;
const target = await freshTarget(kind, databaseName);
console.log(describeMachine(target.label));
console.log(`ulimit -n: ${execSync("ulimit -n", { shell: "/bin/bash" }).toString().trim()}`);
console.log(`router:   ${redisUrl ? `Redis (${redisUrl})` : "in memory (no REDIS_URL)"}`);
const database = await openTarget(target);
const { chargePoints: seeded } = await seedFleet(database, total, "IDL");
await database.close();

const port = await freePort();
const server = await startServerProcess({
  port,
  env: { ...targetEnv(target), JOBS: "false", ...(redisUrl ? { REDIS_URL: redisUrl } : {}) },
});
const fleet = startFleet();
try {
  await new Promise((r) => setTimeout(r, 2_000));
  const before = await server.memory();
  if (snapshots) await mkdir(dataDir, { recursive: true });
  const snapshotBefore = snapshots
    ? await server.heapSnapshot(`${dataDir}/connections-before.heapsnapshot`)
    : "";
  const loadAtStart = currentLoad();
  const cpuAtStart = await server.cpu();
  const connect = await fleet.send<ConnectResult>({
    cmd: "connect",
    url: server.ocppUrl,
    ids: seeded.map((cp) => cp.id),
    concurrency: 100,
  });
  const loadAfterConnect = currentLoad();
  console.log(
    `connected ${connect.connected}/${total} in ${connect.seconds.toFixed(1)} s ` +
      `(${(connect.connected / connect.seconds).toFixed(0)}/s, upgrade + BootNotification p50 ${ms(connect.p50)}, ` +
      `p99 ${ms(connect.p99)})${connect.failed ? `, ${connect.failed} failed: ${connect.firstError}` : ""}; ` +
      `load ${loadAtStart} → ${loadAfterConnect}`,
  );
  const cpuConnected = await server.cpu();
  const connected = await server.memory();
  const beatsBefore = (await fleet.send<FleetStats>({ cmd: "stats" })).heartbeats.ok;
  if (cpuProfile) {
    await mkdir(dataDir, { recursive: true });
    await server.startCpuProfile();
  }
  await fleet.send({ cmd: "heartbeats", everyMs: heartbeatMs });
  console.log(`holding for ${holdSeconds} s (a Heartbeat from each every ${heartbeatMs / 1000} s)…`);
  await new Promise((r) => setTimeout(r, holdSeconds * 1000));
  const stats = await fleet.send<FleetStats>({ cmd: "stats" });
  const cpuAfter = await server.cpu();
  const profilePath = cpuProfile ? await server.stopCpuProfile(`${dataDir}/connections-hold.cpuprofile`) : "";
  const after = await server.memory();
  const online = await countOnline();
  const per = (f: (m: NodeJS.MemoryUsage) => number) =>
    `${((f(after) - f(before)) / connect.connected / 1024).toFixed(1)} KiB`;
  const hb = stats.heartbeats;
  // Server CPU (user + system) per unit of work: what the neighbours on a shared machine do not move.
  const cpuMs = (from: NodeJS.CpuUsage, to: NodeJS.CpuUsage) =>
    (to.user + to.system - from.user - from.system) / 1000;
  const holdCpuMs = cpuMs(cpuConnected, cpuAfter);
  const perBeat = holdCpuMs / Math.max(1, hb.ok - beatsBefore);
  console.log(
    `server CPU: connecting ${(cpuMs(cpuAtStart, cpuConnected) / connect.connected).toFixed(2)} ms per charge point; ` +
      `holding ${(holdCpuMs / 1000).toFixed(1)} s in ${holdSeconds} s = ${(perBeat).toFixed(2)} ms per answered Heartbeat ` +
      `(≈ ${Math.round(1000 / perBeat)} Heartbeats/s per core, i.e. ${Math.round(60_000 / perBeat)} charge points at one a minute; ` +
      "PostgreSQL's own CPU not included)",
  );
  console.log(
    `\n${table(
      [
        "connections open",
        "heartbeats ok / failed / waiting",
        "heartbeat p50 / p99",
        "online in db",
        "RSS before",
        "RSS connected",
        "RSS after hold",
        "RSS per connection",
        "heap before",
        "heap after",
        "heap per connection",
        "load",
      ],
      [
        [
          stats.open,
          `${hb.ok} / ${hb.failed} / ${hb.waiting} (${stats.beating} charge points)`,
          `${ms(hb.p50)} / ${ms(hb.p99)}`,
          online,
          mib(before.rss),
          mib(connected.rss),
          mib(after.rss),
          per((m) => m.rss),
          mib(before.heapUsed),
          mib(after.heapUsed),
          per((m) => m.heapUsed),
          currentLoad(),
        ],
      ],
    )}`,
  );
  if (cpuProfile) {
    const areas = await summarizeCpuProfile(profilePath);
    console.log(
      `\nserver CPU during the hold: busy in ${((areas[0]?.busy ?? 0) * 100).toFixed(1)} % of the samples; ` +
        `by source area, inclusive, share of the busy samples (${profilePath}):\n${table(
          ["area", "share of busy samples"],
          areas.map((r) => [r.area, `${(r.share * 100).toFixed(1)} %`]),
        )}`,
    );
  }
  if (snapshots) {
    const snapshotAfter = await server.heapSnapshot(`${dataDir}/connections-after.heapsnapshot`);
    const growth = growthPerConnection(
      await summarizeHeapSnapshot(snapshotBefore),
      await summarizeHeapSnapshot(snapshotAfter),
      connect.connected,
    );
    console.log(
      "\nRSS above is not comparable with runs without --heap-snapshot: writing a snapshot grows it." +
        `\nheap growth per connection (self sizes, by kind):\n${table(
          ["kind", "objects", "bytes"],
          growth.map((g) => [g.kind, g.perConnection.toFixed(2), g.bytesPerConnection.toFixed(0)]),
        )}`,
    );
  }
} finally {
  await fleet.close();
  await server.stop();
  if (target.kind === "postgres") await dropPgDatabase(databaseName);
  else await rm(target.dataDir, { recursive: true, force: true });
}
process.exit(0);

async function countOnline(): Promise<string> {
  if (kind !== "postgres") return "n/a (PGlite: one process only)";
  const check = await openTarget(target, 1);
  try {
    const [row] = await check.db
      .select({ n: count() })
      .from(chargePoints)
      .where(eq(chargePoints.online, true));
    return String(row!.n);
  } finally {
    await check.close();
  }
}

/** The idle fleet in its own process (the server's event loop measures only the server). */
function startFleet() {
  const child = fork(fileURLToPath(new URL("./idle-fleet.ts", import.meta.url)), [], {
    execArgv: ["--import", "tsx", "--max-old-space-size=4096"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const send = <T>(command: FleetCommand): Promise<T> =>
    new Promise((resolve, reject) => {
      const onExit = () => reject(new Error("idle fleet exited"));
      child.once("exit", onExit);
      child.once("message", (m: unknown) => {
        child.off("exit", onExit);
        const error = (m as { error?: string }).error;
        if (error) reject(new Error(error));
        else resolve(m as T);
      });
      child.send(command);
    });
  return {
    send,
    async close() {
      if (child.connected) await send({ cmd: "close" }).catch(() => {});
      await exited;
    },
  };
}
