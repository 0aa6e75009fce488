import { writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { simulateDay } from "./simulate-day";

/** `npm run bench:grid`: one simulated day, 200 charge points, the real allocator every 30 s. */
const SEED = Number(process.env.SEED ?? 20_260_615);
const started = performance.now();
const day = simulateDay(SEED);
const wallS = (performance.now() - started) / 1000;

const sorted = day.allocationMs.toSorted((a, b) => a - b);
const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (v: number) => v.toFixed(3);
const a = (v: number) => v.toFixed(1);
const violations = day.grids.reduce((n, g) => n + g.violations, 0);

const lines = [
  "# Grid simulation benchmark",
  "",
  "`npm run bench:grid` — a 400 A site with 4 sub-grids (160 A) and 10 feeders (63 A), 200 charge points",
  "(32 A, 3-phase), one simulated day in 30 s ticks with cars arriving (morning and evening peaks) and",
  "leaving, a 250 A evening time-of-use window on the root, and the real `allocateLoad` each tick. Cars draw",
  "min(limit, on-board charger); 20 % are 1-phase, half of the 3-phase ones charge at 16 A at most.",
  "",
  `Machine: ${os.cpus()[0]?.model ?? "unknown"}, ${os.cpus().length} cores, Node ${process.version}, ${os.platform()} ${os.release()}. Seed ${SEED}.`,
  "",
  "| metric | value |",
  "| --- | --- |",
  `| allocations (ticks) | ${day.ticks} |`,
  `| sessions | ${day.sessions} (at most ${day.maxConcurrent} at once) |`,
  `| allocation time p50 / p95 / max | ${ms(pct(50))} / ${ms(pct(95))} / ${ms(sorted.at(-1)!)} ms |`,
  `| energy delivered | ${day.energyDeliveredKWh.toFixed(1)} kWh |`,
  `| unserved demand at departure | ${day.unservedKWh.toFixed(1)} kWh |`,
  `| ticks where a grid's allocation exceeded its limit | ${violations} |`,
  `| wall time | ${wallS.toFixed(1)} s |`,
  "",
  "| grid | limit (A) | peak allocated (A, highest line) | limit then (A) | peak draw (A) | max sessions | violations |",
  "| --- | --- | --- | --- | --- | --- | --- |",
  ...day.grids.map(
    (g) =>
      `| ${g.grid.name} | ${a(g.grid.maxCurrentA)} | ${a(g.peakAllocatedA)} | ${a(g.peakLimitAtPeakA)} | ${a(g.peakDrawA)} | ${g.maxSessions} | ${g.violations} |`,
  ),
  "",
];
writeFileSync(join(import.meta.dirname, "RESULTS.md"), lines.join("\n"));
process.stdout.write(`${lines.join("\n")}\n`);
if (violations > 0) process.exitCode = 1;
