import type { CoreDeps, Principal } from "@voltlane/core";
import type { Db } from "@voltlane/db";
import * as schema from "@voltlane/db";
import { drizzle } from "drizzle-orm/node-postgres";
import type pg from "pg";
import { type ReportCase, runCoreCase } from "./report-cases";

type Statement = { sql: string; params: unknown[] };
export type ExplainedCase = {
  statements: number;
  /** The slowest statement of the case by EXPLAIN ANALYZE: its execution time, seq scans, and plan. */
  slowest: { ms: number; seqScans: string[]; sql: string; plan: string } | null;
};

/**
 * Runs the case once through core on a Db that records every statement, then EXPLAIN ANALYZEs the
 * distinct ones (at most `limit`: the CSV export repeats one statement per page).
 */
export async function explainCase(
  pool: pg.Pool,
  deps: Omit<CoreDeps, "db">,
  principal: Principal,
  c: ReportCase,
  limit = 8,
): Promise<ExplainedCase> {
  const seen: Statement[] = [];
  const db = drizzle(pool, {
    schema,
    logger: { logQuery: (sql, params) => seen.push({ sql, params }) },
  }) as unknown as Db;
  await runCoreCase({ ...deps, db }, principal, c);
  const distinct = [...new Map(seen.map((s) => [s.sql, s])).values()].slice(0, limit);
  let slowest: ExplainedCase["slowest"] = null;
  for (const s of distinct) {
    if (!/^\s*(select|with)/i.test(s.sql)) continue;
    const json = await pool.query(`explain (analyze, format json) ${s.sql}`, s.params);
    const root = json.rows[0]["QUERY PLAN"][0];
    const ms = Number(root["Execution Time"]);
    if (slowest && slowest.ms >= ms) continue;
    const text = await pool.query(`explain (analyze, buffers) ${s.sql}`, s.params);
    slowest = {
      ms,
      seqScans: findSeqScans(root),
      sql: s.sql,
      plan: text.rows.map((r) => r["QUERY PLAN"]).join("\n"),
    };
  }
  return { statements: seen.length, slowest };
}

function findSeqScans(plan: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    const n = node as Record<string, unknown>;
    if (n["Node Type"] === "Seq Scan") found.push(String(n["Relation Name"]));
    for (const value of Object.values(n)) walk(value);
  };
  walk(plan);
  return [...new Set(found)];
}
