import type pg from "pg";

/** Volumes of the reports benchmark (issue #8). */
export const VOLUME = {
  customers: 20_000,
  /** Customers 2 … 2,001 are employees of the big company (customer 1); it pays their cards (R64). */
  employees: 2_000,
  chargePoints: 5_000,
  /** Charge points 1 … 50 belong to the big company; the others each to one private customer. */
  companyChargePoints: 50,
  transactions: 1_000_000,
  meterValuesPerTransaction: 50,
  /** Sessions spread evenly over these 24 months, up to the day the data was designed for. */
  firstDay: "2024-11-25",
  months: 24,
};

/** Customer numbers sort like their numbers, so `n` below is the number in `R-00001`. */
const customerNumber = (n: string) => `'R-' || lpad((${n})::text, 5, '0')`;
/** The number of the customer that owns charge point number `i` (receives its revenue, R40). */
const ownerOf = (i: string) =>
  `case when ${i} <= ${VOLUME.companyChargePoints} then 1
        else ${VOLUME.employees + 2} + ((${i}) * 7) % ${VOLUME.customers - VOLUME.employees - 1} end`;

/** The customers the benchmark acts as (see run-reports.ts). */
export const SUBJECTS = {
  bigCompany: "R-00001",
  /** A private customer with its own charge point (RCP01234) and its own card. */
  privateCustomer: `R-${String(VOLUME.employees + 2 + ((1234 * 7) % (VOLUME.customers - VOLUME.employees - 1))).padStart(5, "0")}`,
  chargePoint: "RCP01234",
};

/**
 * Fills an empty, migrated database with INSERT … SELECT generate_series, consistent the way the
 * core functions read it: a big company with 2,000 employees (open employment links, company-paid
 * cards), private customers each with a card, 5,000 active charge points with owners and two
 * connectors, 1,000,000 completed transactions whose card, user, payer and receiver follow the cards
 * and owners, and 50 meter values each (50,000,000), written with meter_values' indexes dropped and
 * rebuilt afterwards (the drizzle names are kept).
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
    `insert into customers (provider_id, customer_number, type, name, email)
     select $1, ${customerNumber("g")},
       case when g = 1 then 'company' when g <= ${v.employees + 1} then 'employee' else 'private' end,
       case when g = 1 then 'Big company' else 'Customer ' || g end, 'customer' || g || '@bench.test'
     from generate_series(1, ${v.customers}) g`,
    [providerId],
  );
  await client.query(
    `create temporary table bench_customers as
     select substr(customer_number, 3)::int as n, id from customers
     where provider_id = $1 and customer_number like 'R-%'`,
    [providerId],
  );
  await client.query("create unique index on bench_customers (n)");
  const big = (await client.query("select id from bench_customers where n = 1")).rows[0].id as string;
  await step(
    "employees",
    `update customers set company_id = $1 where type = 'employee' and provider_id = $2`,
    [big, providerId],
  );
  await step(
    "employment links",
    `insert into employment_links (provider_id, company_id, employee_id, valid_from, employee_number, web_access)
     select $1, $2, c.id, timestamptz '2024-01-01', 'E' || c.n, c.n % 4 = 0
     from bench_customers c where c.n between 2 and ${v.employees + 1}`,
    [providerId, big],
  );
  await step(
    "charge cards",
    `insert into charge_cards (provider_id, external_id, rfid, status, customer_id, payer_customer_id)
     select $1, 'NL-RPT-' || lpad(c.n::text, 6, '0'), upper(lpad(to_hex(c.n), 8, '0')), 'active', c.id,
       case when c.n <= ${v.employees + 1} then $2::uuid else c.id end
     from bench_customers c where c.n >= 2`,
    [providerId, big],
  );
  await client.query(
    `alter table bench_customers add column card_id uuid, add column rfid text;
     update bench_customers c set card_id = k.id, rfid = k.rfid from charge_cards k where k.customer_id = c.id`,
  );
  await step(
    "charge points",
    `insert into charge_points (id, provider_id, name, activation, online, last_seen_at, owner_customer_id)
     select 'RCP' || lpad(g::text, 5, '0'), $1, 'Charge point ' || g, 'active', g % 5 <> 0, now(), o.id
     from generate_series(1, ${v.chargePoints}) g join bench_customers o on o.n = ${ownerOf("g")}`,
    [providerId],
  );
  await step(
    "connectors",
    `insert into connectors (charge_point_id, connector_id, provider_id, status, status_since)
     select cp.id, k, $1, case when k = 1 then 'Available' else 'Charging' end, now()
     from charge_points cp, generate_series(1, 2) k where cp.provider_id = $1`,
    [providerId],
  );
  await step(
    "transactions",
    `insert into transactions (provider_id, ocpp_transaction_id, charge_point_id, connector_id, charge_card_id,
       id_tag, started_at, stopped_at, meter_start_wh, meter_stop_wh, last_meter_wh, last_meter_at, energy_wh,
       charging_seconds, status, stop_reason, stop_source, payer_customer_id, user_customer_id,
       receiver_customer_id, cost_net, currency, billable)
     select $1, s.g, 'RCP' || lpad(s.cp::text, 5, '0'), 1 + s.g % 2, u.card_id, u.rfid,
       s.started, s.started + interval '50 minutes', s.g * 10, s.g * 10 + s.wh, s.g * 10 + s.wh,
       s.started + interval '50 minutes', s.wh, 3000, 'completed', 'Local', 'charge_point',
       case when u.n <= ${v.employees + 1} then $2::uuid else u.id end, u.id, r.id,
       s.wh * 30 / 100 + 50, 'EUR', true
     from (select g, 1 + g % ${v.chargePoints} as cp, 2 + g % ${v.customers - 1} as un,
             timestamptz '${v.firstDay}' + (g::float8 / ${v.transactions}) * (interval '1 month' * ${v.months}) as started,
             1000 + (g::bigint * 7919) % 40000 as wh
           from generate_series(1, ${v.transactions}) g) s
     join bench_customers u on u.n = s.un
     join bench_customers r on r.n = ${ownerOf("s.cp")}`,
    [providerId, big],
  );
  await client.query(
    `insert into sequences (provider_id, name, value) values ($1, 'ocpp_transaction', ${v.transactions})
     on conflict do nothing`,
    [providerId],
  );
  await generateMeterValues(client, providerId, step);
  // What production autovacuum does to a table that stopped changing: statistics, and the visibility map
  // without which no scan is index-only (the dashboard's sums read only covering indexes).
  await step("vacuum (analyze)", "vacuum (analyze)");
}

async function generateMeterValues(
  client: pg.Client,
  providerId: string,
  step: (label: string, sql: string, params?: unknown[]) => Promise<void>,
) {
  const v = VOLUME;
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
}
