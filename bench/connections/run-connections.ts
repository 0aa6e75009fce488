import { execSync } from "node:child_process";
import { rm } from "node:fs/promises";
import { chargePoints } from "@voltlane/db";
import { count, eq } from "drizzle-orm";
import { dropPgDatabase, freshTarget, openTarget, seedFleet, targetEnv } from "../lib/bench-database";
import { startLoadGenerator } from "../lib/load-generator-process";
import { currentLoad, describeMachine } from "../lib/machine-info";
import { freePort, startServerProcess } from "../lib/server-process";
import { args, mib, table } from "../lib/stats";

/**
 * `npm run bench:connections`: how many idle charge points (BootNotification, then a Heartbeat every
 * 60 s) one server process holds, and what each costs in RSS and heap. The load generator runs in
 * its own process; both need one file descriptor per socket (the npm script raises ulimit -n).
 */
const a = args();
const total = a.number("count", 10_000);
const holdSeconds = a.number("hold-seconds", 75);
const kind = a.string("database", "postgres") as "postgres" | "pglite";
const heartbeatMs = 60_000;

const target = await freshTarget(kind, "voltlane_bench_connections");
console.log(describeMachine(target.label));
console.log(`ulimit -n: ${execSync("ulimit -n", { shell: "/bin/bash" }).toString().trim()}`);
const database = await openTarget(target);
await seedFleet(database, total, "IDL");
await database.close();

const port = await freePort();
const server = await startServerProcess({ port, env: { ...targetEnv(target), JOBS: "false" } });
const load = startLoadGenerator({ maxOldSpaceMb: 4096 });
try {
  await new Promise((r) => setTimeout(r, 2_000));
  const before = await server.memory();
  const fleet = Array.from({ length: total }, (_, i) => {
    const n = String(i + 1).padStart(5, "0");
    return { id: `IDL${n}`, idTag: `BE${n}IDL` };
  });
  const connect = await load.send<{
    connected: number;
    failed: number;
    firstError?: string;
    seconds: number;
  }>({
    cmd: "connect",
    url: server.ocppUrl,
    chargePoints: fleet,
    concurrency: 100,
  });
  console.log(
    `connected ${connect.connected}/${total} in ${connect.seconds.toFixed(1)} s ` +
      `(${(connect.connected / connect.seconds).toFixed(0)}/s, each with BootNotification)` +
      (connect.failed ? `, ${connect.failed} failed: ${connect.firstError}` : ""),
  );
  await load.send({ cmd: "heartbeats", everyMs: heartbeatMs });
  console.log(`holding for ${holdSeconds} s (every charge point heartbeats at least once)…`);
  await new Promise((r) => setTimeout(r, holdSeconds * 1000));
  const stats = await load.send<{ open: number; heartbeats: { ok: number; failed: number } }>({
    cmd: "stats",
  });
  const after = await server.memory();
  const check = await openTarget(target, 1).catch(() => undefined);
  let online = "n/a (PGlite: one process only)";
  if (check && kind === "postgres") {
    const [row] = await check.db
      .select({ n: count() })
      .from(chargePoints)
      .where(eq(chargePoints.online, true));
    online = String(row!.n);
    await check.close();
  }
  const per = (f: (m: NodeJS.MemoryUsage) => number) =>
    `${((f(after) - f(before)) / connect.connected / 1024).toFixed(1)} KiB`;
  console.log(
    `\n${table(
      [
        "connections open",
        "heartbeats ok / failed",
        "online in db",
        "RSS before",
        "RSS after",
        "RSS per connection",
        "heap before",
        "heap after",
        "heap per connection",
        "load",
      ],
      [
        [
          stats.open,
          `${stats.heartbeats.ok} / ${stats.heartbeats.failed}`,
          online,
          mib(before.rss),
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
} finally {
  await load.close();
  await server.stop();
  if (target.kind === "postgres") await dropPgDatabase("voltlane_bench_connections");
  else await rm(target.dataDir, { recursive: true, force: true });
}
process.exit(0);
