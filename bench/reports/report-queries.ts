/**
 * The queries behind `GET /api/v1/transactions` (list page + total, filters from/to, customerId,
 * chargePointId) and the dashboard's energy series, as SQL. Neither a transaction list core
 * function nor the dashboard endpoint existed when this was written; these are the queries they
 * need (newest first, 50 a page, customer = payer, user or receiver, R4 provider scope).
 */
export type ReportQuery = { name: string; sql: string; params: (ctx: QueryContext) => unknown[] };
export type QueryContext = {
  providerId: string;
  bigCustomerId: string;
  customerId: string;
  chargePointId: string;
};

const month = ["2026-09-01T00:00:00Z", "2026-10-01T00:00:00Z"];
const columns = `id, ocpp_transaction_id, charge_point_id, connector_id, started_at, stopped_at, energy_wh,
  cost_net, currency, payer_customer_id, receiver_customer_id, status`;
const customerFilter = `(payer_customer_id = $2 or user_customer_id = $2 or receiver_customer_id = $2)`;

export const reportQueries: ReportQuery[] = [
  {
    name: "list: provider, newest 50",
    sql: `select ${columns} from transactions where provider_id = $1 order by started_at desc limit 50`,
    params: (c) => [c.providerId],
  },
  {
    name: "count: provider, all time",
    sql: "select count(*) from transactions where provider_id = $1",
    params: (c) => [c.providerId],
  },
  {
    name: "list: provider, one month, page 20",
    sql: `select ${columns} from transactions where provider_id = $1 and started_at >= $2 and started_at < $3
          order by started_at desc limit 50 offset 950`,
    params: (c) => [c.providerId, ...month],
  },
  {
    name: "count: provider, one month",
    sql: "select count(*) from transactions where provider_id = $1 and started_at >= $2 and started_at < $3",
    params: (c) => [c.providerId, ...month],
  },
  {
    name: "list: big customer (10 % of sessions), newest 50",
    sql: `select ${columns} from transactions where provider_id = $1 and ${customerFilter}
          order by started_at desc limit 50`,
    params: (c) => [c.providerId, c.bigCustomerId],
  },
  {
    name: "count: big customer, one month",
    sql: `select count(*) from transactions where provider_id = $1 and ${customerFilter}
          and started_at >= $3 and started_at < $4`,
    params: (c) => [c.providerId, c.bigCustomerId, ...month],
  },
  {
    name: "list + count: typical customer, one month",
    sql: `select ${columns}, count(*) over () as total from transactions where provider_id = $1 and ${customerFilter}
          and started_at >= $3 and started_at < $4 order by started_at desc limit 50`,
    params: (c) => [c.providerId, c.customerId, ...month],
  },
  {
    name: "list + count: charge point, one month",
    sql: `select ${columns}, count(*) over () as total from transactions where provider_id = $1
          and charge_point_id = $2 and started_at >= $3 and started_at < $4 order by started_at desc limit 50`,
    params: (c) => [c.providerId, c.chargePointId, ...month],
  },
  {
    name: "dashboard: energy per day, big customer, one month",
    sql: `select date_trunc('day', started_at at time zone 'Europe/Amsterdam') as day, sum(energy_wh) as wh,
          count(*) as sessions from transactions where provider_id = $1 and payer_customer_id = $2
          and started_at >= $3 and started_at < $4 group by 1 order by 1`,
    params: (c) => [c.providerId, c.bigCustomerId, ...month],
  },
  {
    name: "dashboard: energy per day, typical customer, one month",
    sql: `select date_trunc('day', started_at at time zone 'Europe/Amsterdam') as day, sum(energy_wh) as wh,
          count(*) as sessions from transactions where provider_id = $1 and ${customerFilter}
          and started_at >= $3 and started_at < $4 group by 1 order by 1`,
    params: (c) => [c.providerId, c.customerId, ...month],
  },
  {
    name: "dashboard: energy per day, whole provider, one month",
    sql: `select date_trunc('day', started_at at time zone 'Europe/Amsterdam') as day, sum(energy_wh) as wh,
          count(*) as sessions from transactions where provider_id = $1
          and started_at >= $2 and started_at < $3 group by 1 order by 1`,
    params: (c) => [c.providerId, ...month],
  },
  {
    name: "detail: meter values of one transaction",
    sql: `select sampled_at, measurand, phase, value, unit from meter_values
          where transaction_id = (select id from transactions where provider_id = $1 and charge_point_id = $2
          order by started_at desc limit 1) order by sampled_at`,
    params: (c) => [c.providerId, c.chargePointId],
  },
];
