import type pg from "pg";

/** Volumes of the reports benchmark (issue #8). */
export const VOLUME = {
  customers: 20_000,
  chargePoints: 5_000,
  transactions: 1_000_000,
  meterValuesPerTransaction: 50,
  /** Sessions spread over these months (24): ~42,000 a month. */
  firstMonth: "2024-11-01",
  months: 24,
  /** One big company pays 10 % of all sessions (its employees' cards); the rest is spread evenly. */
  bigPayerShare: 0.1,
};

/**
 * Fills an empty, migrated database with INSERT … SELECT generate_series: customers, charge points,
 * 1,000,000 completed transactions with totals on the row, and 50 meter values each (50,000,000),
 * written with meter_values' indexes dropped and rebuilt afterwards (the drizzle names are kept).
 */
export async function generateReportData(client: pg.Client, providerId: string, log: (line: string) => void) {
  const v = VOLUME;
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const started = Date.now();
    const res = await client.query(sql, params);
    log(`  ${label}: ${res.rowCount ?? 0} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  await step(
    "customers",
    `insert into customers (provider_id, customer_number, type, name)
     select $1, 'R-' || g, case when g = 1 then 'company' else 'private' end, 'Customer ' || g
     from generate_series(1, ${v.customers}) g`,
    [providerId],
  );
  await step(
    "charge points",
    `insert into charge_points (id, provider_id, name, activation)
     select 'RCP' || lpad(g::text, 5, '0'), $1, 'Charge point ' || g, 'active'
     from generate_series(1, ${v.chargePoints}) g`,
    [providerId],
  );
  // Customers in insertion order, numbered, so that sessions can pick one by number.
  await client.query(
    `create temporary table bench_customers as
     select row_number() over (order by customer_number) as n, id from customers
     where provider_id = $1 and customer_number like 'R-%'`,
    [providerId],
  );
  await client.query("create index on bench_customers (n)");
  const big = `(select id from bench_customers where n = 1)`;
  await step(
    "transactions",
    `insert into transactions (provider_id, ocpp_transaction_id, charge_point_id, connector_id, id_tag,
       started_at, stopped_at, meter_start_wh, meter_stop_wh, last_meter_wh, last_meter_at, energy_wh,
       charging_seconds, status, stop_reason, stop_source, payer_customer_id, user_customer_id,
       receiver_customer_id, cost_net, currency, billable)
     select $1, g, 'RCP' || lpad((1 + g % ${v.chargePoints})::text, 5, '0'), 1 + g % 2,
       'TAG' || (g % ${v.customers}),
       s.started, s.started + interval '50 minutes', g * 10, g * 10 + s.wh, g * 10 + s.wh,
       s.started + interval '50 minutes', s.wh, 3000, 'completed', 'Local', 'charge_point',
       case when g % 10 < ${v.bigPayerShare * 10} then ${big}
            else (select id from bench_customers where n = 2 + g % ${v.customers - 1}) end,
       (select id from bench_customers where n = 2 + g % ${v.customers - 1}),
       (select id from bench_customers where n = 2 + (g * 7) % ${v.customers - 1}),
       s.wh * 30 / 100 + 50, 'EUR', true
     from generate_series(1, ${v.transactions}) g,
     lateral (select timestamptz '${v.firstMonth}' + (g::float8 / ${v.transactions}) * (interval '1 month' * ${v.months}) as started,
                     1000 + (g::bigint * 7919) % 40000 as wh) s`,
    [providerId],
  );
  await client.query(
    `insert into sequences (provider_id, name, value) values ($1, 'ocpp_transaction', ${v.transactions})
     on conflict do nothing`,
    [providerId],
  );
  const indexes = await client.query<{ indexdef: string; indexname: string }>(
    `select indexname, indexdef from pg_indexes where tablename = 'meter_values' and indexname <> 'meter_values_pkey'`,
  );
  for (const ix of indexes.rows) await client.query(`drop index ${ix.indexname}`);
  const perMonth = Math.ceil(v.transactions / v.months);
  for (let m = 0; m < v.months; m++) {
    await step(
      `meter values, month ${m + 1}/${v.months}`,
      `insert into meter_values (provider_id, transaction_id, charge_point_id, connector_id, sampled_at,
         measurand, value, unit)
       select t.provider_id, t.id, t.charge_point_id, t.connector_id, t.started_at + g * interval '1 minute',
         'Energy.Active.Import.Register', (t.meter_start_wh + t.energy_wh * g / ${v.meterValuesPerTransaction})::text, 'Wh'
       from transactions t, generate_series(1, ${v.meterValuesPerTransaction}) g
       where t.provider_id = $1 and t.ocpp_transaction_id > $2 and t.ocpp_transaction_id <= $3`,
      [providerId, m * perMonth, (m + 1) * perMonth],
    );
  }
  for (const ix of indexes.rows) await step(`rebuild ${ix.indexname}`, ix.indexdef);
  await step("analyze", "analyze");
}
