import type pg from "pg";

export const INVOICE_VOLUME = { customers: 100_000, owners: 200, sessions: 1_000_000, period: "2026-10" };

/**
 * 100,000 private payers, 200 company charge point owners (receivers, self-billed) and 1,000,000
 * completed, billable sessions stopped in October 2026 with cost and tariff snapshot on the row,
 * generated with INSERT … SELECT generate_series.
 */
export async function generateInvoiceData(
  client: pg.Client,
  providerId: string,
  log: (line: string) => void,
) {
  const v = INVOICE_VOLUME;
  const step = async (label: string, sql: string) => {
    const started = Date.now();
    const res = await client.query(sql, sql.includes("$1") ? [providerId] : []);
    log(`  ${label}: ${res.rowCount ?? 0} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  await step(
    "customers",
    `insert into customers (provider_id, customer_number, type, name, email)
     select $1::uuid, 'P-' || lpad(g::text, 6, '0'), 'private', 'Payer ' || g, 'payer' || g || '@bench.test'
     from generate_series(1, ${v.customers}) g
     union all
     select $1::uuid, 'O-' || lpad(g::text, 4, '0'), 'company', 'Owner ' || g, 'owner' || g || '@bench.test'
     from generate_series(1, ${v.owners}) g`,
  );
  await client.query(
    `create temporary table bench_parties as
     select row_number() over (partition by type order by customer_number) as n, type, id from customers
     where provider_id = $1`,
    [providerId],
  );
  await client.query("create index on bench_parties (type, n)");
  await step(
    "sessions",
    `insert into transactions (provider_id, ocpp_transaction_id, charge_point_id, connector_id, id_tag,
       started_at, stopped_at, meter_start_wh, meter_stop_wh, energy_wh, status, stop_source,
       payer_customer_id, user_customer_id, receiver_customer_id, charge_group_type, tariff_snapshot,
       cost_start_fee, cost_energy, cost_time, cost_idle, cost_net, margin, currency, billable)
     select $1, g, 'ICP' || lpad((g % 2000)::text, 4, '0'), 1, 'TAG' || g,
       timestamptz '2026-10-01 00:00:00+00' + (g::float8 / ${v.sessions}) * interval '30 days',
       timestamptz '2026-10-01 01:00:00+00' + (g::float8 / ${v.sessions}) * interval '30 days',
       0, s.wh, s.wh, 'completed', 'charge_point',
       p.id, p.id, o.id, 'other',
       '{"vatRate":"21.00","energyPrice":"0.3000","startFee":"0.5000","currency":"EUR"}'::jsonb,
       50, s.wh * 30 / 100, 0, 0, 50 + s.wh * 30 / 100, 10 + s.wh * 5 / 100, 'EUR', true
     from generate_series(1, ${v.sessions}) g
     cross join lateral (select 1000 + (g::bigint * 7919) % 40000 as wh) s
     join bench_parties p on p.type = 'private' and p.n = 1 + g % ${v.customers}
     join bench_parties o on o.type = 'company' and o.n = 1 + g % ${v.owners}`,
  );
  await step("analyze", "analyze");
}
