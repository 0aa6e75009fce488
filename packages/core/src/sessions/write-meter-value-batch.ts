import type { Db } from "@voltlane/db";
import { sql } from "drizzle-orm";
import { type MeterTotals, meterTotalsOf, type NormalizedValue } from "./meter-samples";

/** The meter values of one MeterValues message (or one StopTransaction's transactionData). */
export type MeterValueBatchItem = {
  providerId: string;
  chargePointId: string;
  connectorId: number;
  ocppTransactionId?: number;
  values: readonly NormalizedValue[];
};

/**
 * Stores the meter values of many messages in ONE statement (no BEGIN/COMMIT round trips, issue #8):
 * it finds each item's session, locks the sessions in id order (concurrent batches cannot deadlock),
 * inserts every value and moves the running totals. Resolves with each item's session id (null: no
 * session) once committed.
 *
 * Totals (W2 step 3): each message contributes its latest energy register reading, its highest power
 * and its latest SoC (`meterTotalsOf`). Applied one by one in arrival order, a reading moves the
 * register totals only when it is not older than the session's last one, power only rises and the
 * last reported SoC wins; folded, that is: the newest reading of the batch (the later message on a
 * tie) if not older than the session's, the batch's highest power if higher, the last message's SoC.
 * The SET expressions read the row as the UPDATE finds it after the lock, so a concurrent writer's
 * committed totals are never overwritten with stale ones.
 *
 * `energy_wh` is not written here: it is set when the session stops, and an active session's energy
 * is derived from its last register (`liveEnergyWh`). Written on every message, it made each totals
 * UPDATE a non-HOT update through all nine indexes of `transactions` (it is a column of the three
 * dashboard covering indexes): 54 µs a row instead of 13 µs (bench/RESULTS.md "Ingest").
 */
export async function writeMeterValueBatch(
  db: Db,
  items: readonly MeterValueBatchItem[],
): Promise<(string | null)[]> {
  const rows = await runBatchStatement(db, batchParameters(items));
  return rows.map((r) => r.session_id);
}

/** $1–$8: one array per item; $9–$16: one array per value ($9: its item's position, from 1). */
function batchParameters(items: readonly MeterValueBatchItem[]): unknown[] {
  const totals: MeterTotals[] = items.map((item) => meterTotalsOf(item.values));
  const values: NormalizedValue[] = [];
  const itemOfValue: number[] = [];
  items.forEach((item, i) => {
    for (const v of item.values) {
      values.push(v);
      itemOfValue.push(i + 1);
    }
  });
  return [
    items.map((i) => i.providerId),
    items.map((i) => i.chargePointId),
    items.map((i) => i.connectorId),
    items.map((i) => i.ocppTransactionId ?? null),
    totals.map((t) => t.registerAt?.toISOString() ?? null),
    totals.map((t) => t.registerWh ?? null),
    totals.map((t) => t.maxPowerW ?? null),
    totals.map((t) => t.soc ?? null),
    itemOfValue,
    values.map((v) => v.sampledAt.toISOString()),
    values.map((v) => v.measurand),
    values.map((v) => v.phase),
    values.map((v) => v.context),
    values.map((v) => v.location),
    values.map((v) => v.value),
    values.map((v) => v.unit),
  ];
}

type BatchRow = { session_id: string | null };
type PgPool = {
  query: (config: { name: string; text: string; values: unknown[] }) => Promise<{ rows: BatchRow[] }>;
};

/**
 * On PostgreSQL the statement is a named prepared statement of each pooled connection: parsing and
 * planning it took ~1.4 ms, i.e. tens of microseconds per message of a batch (issue #8). PGlite (and a
 * transaction handle) go through drizzle with the same text.
 */
async function runBatchStatement(db: Db, values: unknown[]): Promise<BatchRow[]> {
  const pool = pgPoolOf(db);
  if (pool) return (await pool.query({ name: "voltlane_meter_value_batch", text: BATCH_SQL, values })).rows;
  const parts = BATCH_SQL.split(/\$(\d+)/);
  const query = sql.join(
    parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql.param(values[Number(part) - 1]))),
  );
  return ((await db.execute(query)) as unknown as { rows: BatchRow[] }).rows;
}

/** The node-postgres pool behind a top-level drizzle handle (drizzle keeps it as `$client`). */
function pgPoolOf(db: Db): PgPool | undefined {
  const client = (db as unknown as { $client?: { totalCount?: unknown; query?: unknown } }).$client;
  return client && typeof client.query === "function" && typeof client.totalCount === "number"
    ? (client as unknown as PgPool)
    : undefined;
}

const BATCH_SQL = `    with item as (
      select * from unnest(
        $1::uuid[], $2::text[], $3::int[], $4::int[], $5::timestamptz[], $6::bigint[], $7::int[], $8::int[]
      ) with ordinality i(provider_id, charge_point_id, connector_id, ocpp_id, register_at, register_wh,
                          max_power_w, soc, n)
    ),
    -- By OCPP id within the provider (R4), or else the connector's newest active session.
    matched as (
      select i.*, s.id as session_id
        from item i
        left join lateral (
          select t.id from transactions t
           where i.ocpp_id is not null and t.provider_id = i.provider_id and t.ocpp_transaction_id = i.ocpp_id
          union all
          (select t.id from transactions t
            where i.ocpp_id is null and i.connector_id >= 1 and t.charge_point_id = i.charge_point_id
              and t.connector_id = i.connector_id and t.status = 'active'
            order by t.started_at desc limit 1)
        ) s on true
    ),
    locked as materialized (
      select t.id from transactions t
       where t.id in (select session_id from matched)
       order by t.id
         for update
    ),
    inserted as (
      insert into meter_values (provider_id, transaction_id, charge_point_id, connector_id, sampled_at,
                                measurand, phase, context, location, value, unit)
      select m.provider_id, m.session_id, m.charge_point_id, m.connector_id, v.sampled_at, v.measurand,
             v.phase, v.context, v.location, v.value, v.unit
        from unnest(
          $9::int[], $10::timestamptz[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[],
          $16::text[]
        ) with ordinality v(n, sampled_at, measurand, phase, context, location, value, unit, ord)
        join matched m on m.n = v.n
       order by v.ord
    ),
    batch as (
      select session_id as id,
             (array_agg(register_at order by register_at desc, n desc) filter (where register_at is not null))[1]
               as register_at,
             (array_agg(register_wh order by register_at desc, n desc) filter (where register_at is not null))[1]
               as register_wh,
             max(max_power_w) as max_power_w,
             (array_agg(soc order by n desc) filter (where soc is not null))[1] as soc
        from matched
       where session_id is not null
       group by session_id
    ),
    updated as (
      update transactions t
         set last_meter_wh = case when b.register_at >= coalesce(t.last_meter_at, '-infinity')
                                  then b.register_wh else t.last_meter_wh end,
             last_meter_at = case when b.register_at >= coalesce(t.last_meter_at, '-infinity')
                                  then b.register_at else t.last_meter_at end,
             max_power_w = case when b.max_power_w > coalesce(t.max_power_w, -1)
                                then b.max_power_w else t.max_power_w end,
             soc = coalesce(b.soc, t.soc)
        from batch b join locked l on l.id = b.id
       where t.id = b.id
    )
    select session_id from matched order by n`;
