import type { DashboardInterval } from "@voltlane/contracts";
import { type Db, transactions } from "@voltlane/db";
import { and, gte, lt, ne, type SQL, sql } from "drizzle-orm";
import { AppError } from "../errors/app-error";

export type Window = {
  providerId: string;
  from: Date;
  to: Date;
  interval: DashboardInterval;
  timeZone: string;
};

// Weeks are labelled by their Monday (date_trunc('week') is ISO); the formats are fixed literals.
const periodFormat: Record<DashboardInterval, string> = {
  day: "YYYY-MM-DD",
  week: "YYYY-MM-DD",
  month: "YYYY-MM",
};

/** Enough for two years of days; a longer range should use a coarser interval. */
export const MAX_PERIODS = 750;

/** Every period label of the window in the provider's time zone, so that charts show empty periods too. */
export async function periodsOf(db: Db, w: Window): Promise<string[]> {
  const unit = sql.raw(`'${w.interval}'`);
  const step = sql.raw(`'1 ${w.interval}'`);
  const format = sql.raw(`'${periodFormat[w.interval]}'`);
  const result = await db.execute<{ period: string }>(sql`
    select to_char(g, ${format}) as period
    from generate_series(
      date_trunc(${unit}, ${w.from}::timestamptz at time zone ${w.timeZone}),
      (${w.to}::timestamptz - interval '1 millisecond') at time zone ${w.timeZone},
      ${step}::interval
    ) as g
    limit ${MAX_PERIODS + 1}`);
  const rows = (result as unknown as { rows: { period: string }[] }).rows;
  if (rows.length > MAX_PERIODS) {
    throw new AppError("validation_failed", "too many periods: choose a coarser interval", [
      { path: "interval", message: `at most ${MAX_PERIODS} periods` },
    ]);
  }
  return rows.map((r) => r.period);
}

/** Sessions of the window that count for the dashboard: started inside it, not invalid (R37). */
export function inWindow(w: Window, who: SQL): SQL {
  return and(
    sql`${transactions.providerId} = ${w.providerId}`,
    gte(transactions.startedAt, w.from),
    lt(transactions.startedAt, w.to),
    ne(transactions.status, "invalid"),
    who,
  )!;
}

export type PeriodSums = { period: string; wh: number; sessions: number; amount: number };

/** One disjoint set of sessions (no session in two branches) and the amount each of them counts. */
export type SumBranch = { who: SQL; amount: SQL };

/**
 * Energy, sessions and an amount (minor units) per period, from the session totals on the transaction
 * rows (never raw meter values); periods without sessions are absent. The branches are read as a
 * `union all` of single-customer conditions, never one `or`: each is a range of a customer/started index
 * that carries the summed columns, so an index-only scan (an `or` needs a bitmap scan of the table).
 * Grouped on the local timestamp and labelled afterwards: sorting tens of thousands of rows by a text
 * label took twice as long (bench/RESULTS.md "Reports").
 */
export async function sumsByPeriod(db: Db, w: Window, branches: SumBranch[]): Promise<PeriodSums[]> {
  const unit = sql.raw(`'${w.interval}'`);
  const format = sql.raw(`'${periodFormat[w.interval]}'`);
  const rows = sql.join(
    branches.map(
      (b) => sql`select ${transactions.startedAt} as started_at, ${transactions.energyWh} as energy_wh,
        ${b.amount} as amount from ${transactions} where ${inWindow(w, b.who)}`,
    ),
    sql` union all `,
  );
  const result = await db.execute(sql`
    select to_char(bucket, ${format}) as period, wh, sessions, amount from (
      select date_trunc(${unit}, started_at at time zone ${w.timeZone}) as bucket,
        coalesce(sum(energy_wh), 0) as wh, count(*) as sessions, coalesce(sum(amount), 0) as amount
      from (${rows}) as rows group by 1) as sums`);
  const out = (result as unknown as { rows: Record<keyof PeriodSums, unknown>[] }).rows;
  return out.map((r) => ({
    period: String(r.period),
    wh: Number(r.wh),
    sessions: Number(r.sessions),
    amount: Number(r.amount),
  }));
}
