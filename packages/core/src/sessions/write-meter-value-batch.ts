import { type Db, transactions } from "@voltlane/db";
import { asc, sql } from "drizzle-orm";
import type { NormalizedValue } from "./meter-samples";

/** The meter values of one MeterValues message (or one StopTransaction's transactionData). */
export type MeterValueBatchItem = {
  providerId: string;
  chargePointId: string;
  connectorId: number;
  ocppTransactionId?: number;
  values: readonly NormalizedValue[];
};

/** The columns the running totals are computed from and written to. */
export type SessionTotals = Pick<
  typeof transactions.$inferSelect,
  | "id"
  | "providerId"
  | "chargePointId"
  | "connectorId"
  | "ocppTransactionId"
  | "status"
  | "startedAt"
  | "meterStartWh"
  | "lastMeterWh"
  | "lastMeterAt"
  | "energyWh"
  | "maxPowerW"
  | "soc"
>;

export type TotalsRule = (
  session: SessionTotals,
  values: readonly NormalizedValue[],
) => Partial<SessionTotals>;

/**
 * Stores the meter values of many messages in one database transaction: one lookup that also locks
 * the sessions (in id order, so concurrent batches cannot deadlock), one INSERT of every value, one
 * UPDATE of the changed totals. The totals of a session that appears several times are folded in
 * arrival order with `applyTotals`, exactly as if the messages had been written one by one. Resolves
 * with each item's session id (null: no session) once committed.
 */
export async function writeMeterValueBatch(
  db: Db,
  items: readonly MeterValueBatchItem[],
  applyTotals: TotalsRule,
): Promise<(string | null)[]> {
  return db.transaction(async (tx) => {
    const sessionOf = sessionsOf(await lockSessions(tx, items), items);
    await insertValues(tx, items, sessionOf);
    const changed = new Map<string, SessionTotals>();
    items.forEach((item, i) => {
      const session = sessionOf[i];
      if (!session) return;
      const current = changed.get(session.id) ?? session;
      const changes = applyTotals(current, item.values);
      if (Object.keys(changes).length > 0) changed.set(session.id, { ...current, ...changes });
    });
    await updateTotals(tx, [...changed.values()]);
    return sessionOf.map((s) => s?.id ?? null);
  });
}

type SessionMatch = { sessions: SessionTotals[]; byConnector: Map<string, string> };
const connectorKey = (chargePointId: string, connectorId: number) => `${connectorId}:${chargePointId}`;

/**
 * Each item's session: by OCPP id within the provider (R4), or else the connector's newest active
 * session (looked up first, as one query). All are then locked with one `SELECT … FOR UPDATE`.
 */
async function lockSessions(db: Db, items: readonly MeterValueBatchItem[]): Promise<SessionMatch> {
  const byOcppId = items.filter((i) => i.ocppTransactionId !== undefined);
  const byConnector = await activeSessionsOf(
    db,
    items.filter((i) => i.ocppTransactionId === undefined && i.connectorId >= 1),
  );
  if (byOcppId.length === 0 && byConnector.size === 0) return { sessions: [], byConnector };
  const sessions = await db
    .select({
      id: transactions.id,
      providerId: transactions.providerId,
      chargePointId: transactions.chargePointId,
      connectorId: transactions.connectorId,
      ocppTransactionId: transactions.ocppTransactionId,
      status: transactions.status,
      startedAt: transactions.startedAt,
      meterStartWh: transactions.meterStartWh,
      lastMeterWh: transactions.lastMeterWh,
      lastMeterAt: transactions.lastMeterAt,
      energyWh: transactions.energyWh,
      maxPowerW: transactions.maxPowerW,
      soc: transactions.soc,
    })
    .from(transactions)
    .where(
      sql`${transactions.id} = any(array(
        select t.id from transactions t
          join unnest(${sql.param(byOcppId.map((i) => i.providerId))}::uuid[],
                      ${sql.param(byOcppId.map((i) => i.ocppTransactionId))}::int[]) k(provider_id, ocpp_id)
            on t.provider_id = k.provider_id and t.ocpp_transaction_id = k.ocpp_id
        union all
        select unnest(${sql.param([...byConnector.values()])}::uuid[])))`,
    )
    .orderBy(asc(transactions.id))
    .for("update");
  return { sessions, byConnector };
}

/** The newest active session per (charge point, connector), keyed by `connectorKey`. */
async function activeSessionsOf(db: Db, items: readonly MeterValueBatchItem[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (items.length === 0) return found;
  const result = await db.execute(sql`
    select k.charge_point_id, k.connector_id, a.id
      from (select distinct * from unnest(${sql.param(items.map((i) => i.chargePointId))}::text[],
                                          ${sql.param(items.map((i) => i.connectorId))}::int[])) k(charge_point_id, connector_id)
      cross join lateral (
        select t.id from transactions t
         where t.charge_point_id = k.charge_point_id and t.connector_id = k.connector_id and t.status = 'active'
         order by t.started_at desc limit 1) a`);
  const rows = (
    result as unknown as { rows: { charge_point_id: string; connector_id: number; id: string }[] }
  ).rows;
  for (const row of rows) found.set(connectorKey(row.charge_point_id, Number(row.connector_id)), row.id);
  return found;
}

/** Each item's locked session, or undefined when it has none. */
function sessionsOf(match: SessionMatch, items: readonly MeterValueBatchItem[]) {
  const ocppKey = (providerId: string, ocppId: number) => `${ocppId}:${providerId}`;
  const byId = new Map(match.sessions.map((s) => [s.id, s]));
  const byOcppId = new Map(match.sessions.map((s) => [ocppKey(s.providerId, s.ocppTransactionId), s]));
  return items.map((item) => {
    if (item.ocppTransactionId !== undefined)
      return byOcppId.get(ocppKey(item.providerId, item.ocppTransactionId));
    const id = match.byConnector.get(connectorKey(item.chargePointId, item.connectorId));
    return id === undefined ? undefined : byId.get(id);
  });
}

/** One INSERT for all values: one array parameter per column, so the statement never nears 65,535 parameters. */
async function insertValues(
  db: Db,
  items: readonly MeterValueBatchItem[],
  sessionOf: readonly (SessionTotals | undefined)[],
) {
  const rows = items.flatMap((item, i) =>
    item.values.map((v) => ({ item, transactionId: sessionOf[i]?.id ?? null, v })),
  );
  if (rows.length === 0) return;
  const column = <T>(f: (r: (typeof rows)[number]) => T) => sql.param(rows.map(f));
  await db.execute(sql`
    insert into meter_values (provider_id, transaction_id, charge_point_id, connector_id, sampled_at,
                              measurand, phase, context, location, value, unit)
    select * from unnest(
      ${column((r) => r.item.providerId)}::uuid[], ${column((r) => r.transactionId)}::uuid[],
      ${column((r) => r.item.chargePointId)}::text[], ${column((r) => r.item.connectorId)}::int[],
      ${column((r) => r.v.sampledAt.toISOString())}::timestamptz[], ${column((r) => r.v.measurand)}::text[],
      ${column((r) => r.v.phase)}::text[], ${column((r) => r.v.context)}::text[],
      ${column((r) => r.v.location)}::text[], ${column((r) => r.v.value)}::text[],
      ${column((r) => r.v.unit)}::text[])`);
}

/** The final totals of every changed session in one UPDATE (the rows are locked by this transaction). */
async function updateTotals(db: Db, sessions: readonly SessionTotals[]) {
  if (sessions.length === 0) return;
  const column = <T>(f: (s: SessionTotals) => T) => sql.param(sessions.map(f));
  await db.execute(sql`
    update transactions t
       set last_meter_wh = v.last_meter_wh, last_meter_at = v.last_meter_at, energy_wh = v.energy_wh,
           max_power_w = v.max_power_w, soc = v.soc
      from unnest(${column((s) => s.id)}::uuid[], ${column((s) => s.lastMeterWh)}::bigint[],
                  ${column((s) => s.lastMeterAt?.toISOString() ?? null)}::timestamptz[],
                  ${column((s) => s.energyWh)}::bigint[], ${column((s) => s.maxPowerW)}::int[],
                  ${column((s) => s.soc)}::int[])
           v(id, last_meter_wh, last_meter_at, energy_wh, max_power_w, soc)
     where t.id = v.id`);
}
