import { type Db, transactions } from "@voltlane/db";
import { type SQL, sql } from "drizzle-orm";
import { mapRows, rowsOf } from "../platform/map-rows";
import type { BillingCustomer, BillingProvider } from "./billing-parties";
import type { LineDraft } from "./invoice-line-draft";
import { routeSession } from "./route-session";
import { decideVatScope, selfBillVatScope } from "./vat";

/** What invoicing reads of a session (a run reads a million: no more columns than needed). */
const billingColumns = {
  id: transactions.id,
  chargePointId: transactions.chargePointId,
  connectorId: transactions.connectorId,
  chargeCardId: transactions.chargeCardId,
  idTag: transactions.idTag,
  startedAt: transactions.startedAt,
  stoppedAt: transactions.stoppedAt,
  energyWh: transactions.energyWh,
  chargeGroupType: transactions.chargeGroupType,
  tariffSnapshot: transactions.tariffSnapshot,
  payerCustomerId: transactions.payerCustomerId,
  receiverCustomerId: transactions.receiverCustomerId,
  walletId: transactions.walletId,
  costStartFee: transactions.costStartFee,
  costEnergy: transactions.costEnergy,
  costTime: transactions.costTime,
  costIdle: transactions.costIdle,
  costNet: transactions.costNet,
  margin: transactions.margin,
};

/** A session with the sides that a live invoice line already holds (R53). */
type Session = { [K in keyof typeof billingColumns]: (typeof transactions.$inferSelect)[K] } & {
  payerHeld: boolean;
  receiverHeld: boolean;
};

/** Line kinds per side of a session (R41–R43): the payer's, and the receiver's. */
export const payerLineKinds = ["session_cost", "home_charging_cost", "home_charging_margin"] as const;
export const receiverLineKinds = ["session_revenue", "home_reimbursement"] as const;

/**
 * R53: whether a live invoice line holds this side of the session. The line is the hold: the unique
 * index `invoice_lines_session_uq` (transaction, kind) over live lines answers it, so the run never
 * writes to the (large, much-indexed) transactions table (docs/adr/0006-invoice-run-chunks.md).
 */
export function sideHeld(
  transactionId: SQL | typeof transactions.id,
  kinds: readonly string[],
): SQL<boolean> {
  const list = sql.join(
    kinds.map((kind) => sql`${kind}`),
    sql`, `,
  );
  // A counted scalar subquery, not EXISTS: PostgreSQL turns a correlated EXISTS under OR into a
  // hashed subplan that scans every invoice line per chunk (12.1 s vs 4.4 s measured at 350,000
  // lines, growing with the table); this form probes the unique index once per session.
  return sql<boolean>`((select count(*) from invoice_lines l where l.transaction_id = ${transactionId}
    and l.holds_item and l.kind in (${list})) > 0)`;
}

/**
 * W3 step 2: billable, completed sessions of the provider with stoppedAt before the period's end
 * (R38) on which one of `customerIds` still has a side that no live line holds (R53). The ids are
 * one uuid[] parameter (a chunk of the run's customers).
 *
 * Each customer is looked up on its own (`cross join lateral`), once as payer and once as receiver,
 * so both sides always walk their customer index: an `OR` of two `= any(ids)` made PostgreSQL scan
 * the whole table whenever a company receiver (thousands of sessions each) was among the ids
 * (600 ms per chunk at 1,000,000 sessions vs ~100 ms). A session open on both sides in this chunk
 * comes back twice and is merged here.
 */
export async function selectBillableSessions(
  db: Db,
  providerId: string,
  end: Date,
  customerIds: readonly string[],
): Promise<Session[]> {
  if (customerIds.length === 0) return [];
  const columns = sql.join(
    Object.values(billingColumns).map((column) => sql`t.${sql.identifier(column.name)}`),
    sql`, `,
  );
  const billable = sql`t.provider_id = ${providerId} and t.status = 'completed' and t.billable
    and t.stopped_at < ${end.toISOString()}::timestamptz`;
  const result = await db.execute(sql`
    select s.* from unnest(${sql.param([...customerIds])}::uuid[]) c(id)
    cross join lateral (
      select ${columns}, true as payer_open from transactions t
       where t.payer_customer_id = c.id and ${billable}
         -- A wallet session's payer side was settled by the wallet debit at stop (R39,
         -- wallets/settle-wallet-session.ts): only its receiver side is invoiced.
         and t.wallet_id is null and not ${sideHeld(sql.raw("t.id"), payerLineKinds)}
      union all
      select ${columns}, false from transactions t
       where t.receiver_customer_id = c.id and ${billable}
         and not ${sideHeld(sql.raw("t.id"), receiverLineKinds)}
    ) s`);
  const rows = rowsOf(result);
  const mapped = mapRows<Session>(billingColumns, rows);
  const byId = new Map<string, Session>();
  rows.forEach((row, i) => {
    const id = row.id as string;
    // Both sides held until a row shows one of them open.
    const session = byId.get(id) ?? Object.assign(mapped[i]!, { payerHeld: true, receiverHeld: true });
    if (row.payer_open) session.payerHeld = false;
    else session.receiverHeld = false;
    byId.set(id, session);
  });
  return [...byId.values()].sort(
    (x, y) => x.stoppedAt!.getTime() - y.stoppedAt!.getTime() || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );
}

/** The customers a set of sessions touches, to load in one go. */
export function sessionParties(sessions: readonly Session[]): string[] {
  return sessions.flatMap((s) =>
    [s.payerCustomerId, s.receiverCustomerId].filter((id): id is string => !!id),
  );
}

const noReceiver = "00000000-0000-0000-0000-000000000000";

/**
 * The invoice lines of one session (R40–R46 via routeSession). A charger without a receiver keeps
 * its revenue with the provider: only the payer side is invoiced. Sides already held stay out, and
 * so do lines of customers outside `invoiced` (another chunk of the run invoices them).
 */
export function sessionLineDrafts(
  session: Session,
  provider: BillingProvider,
  parties: Map<string, BillingCustomer>,
  invoiced?: ReadonlySet<string>,
): LineDraft[] {
  const payer = session.payerCustomerId ? parties.get(session.payerCustomerId) : undefined;
  if (!payer) return [];
  const receiver = session.receiverCustomerId ? parties.get(session.receiverCustomerId) : undefined;
  const snapshot = (session.tariffSnapshot ?? {}) as Record<string, string>;
  const routed = routeSession({
    groupType: session.chargeGroupType === "home" ? "home" : "other",
    payer: { id: payer.id, type: payer.type },
    receiver: receiver ? { id: receiver.id, type: receiver.type } : { id: noReceiver, type: "company" },
    costNet: session.costNet ?? 0,
    margin: session.margin ?? 0,
    tariffVatRate: snapshot.vatRate ?? "0.00",
    payerVatScope: decideVatScope({ supplier: provider, customer: payer }),
    receiverVatScope: receiver ? selfBillVatScope(receiver, provider) : "outside_scope",
  });
  const kwh = whToKwh(session.energyWh);
  const stopped = session.stoppedAt!.toISOString();
  return routed
    .filter((line) => line.customerId !== noReceiver)
    .filter((line) =>
      line.party === "payer" ? !session.payerHeld && !session.walletId : !session.receiverHeld,
    )
    .filter((line) => !invoiced || invoiced.has(line.customerId))
    .map((line) => ({
      customerId: line.customerId,
      invoiceKind: line.invoiceKind,
      kind: line.lineKind,
      description: describe(line.lineKind, session, kwh),
      transactionId: session.id,
      party: line.party,
      quantity: kwh,
      unitPrice:
        line.lineKind === "home_charging_margin"
          ? (snapshot.marginPerKwh ?? null)
          : (snapshot.energyPrice ?? null),
      net: line.net,
      vatScope: line.vatScope,
      vatRate: line.vatRate,
      details: {
        chargePointId: session.chargePointId,
        connectorId: session.connectorId,
        chargeCardId: session.chargeCardId,
        idTag: session.idTag,
        startedAt: session.startedAt.toISOString(),
        stoppedAt: stopped,
        energyWh: session.energyWh,
        components: {
          startFee: session.costStartFee,
          energy: session.costEnergy,
          time: session.costTime,
          idle: session.costIdle,
          margin: session.margin,
        },
      },
      sortKey: `1|${stopped}|${session.id}`,
    }));
}

/** Wh as kWh with three decimals, exactly (integer arithmetic: a run formats millions). */
export function whToKwh(wh: number): string {
  const abs = Math.abs(wh);
  return `${wh < 0 ? "-" : ""}${Math.floor(abs / 1000)}.${String(abs % 1000).padStart(3, "0")}`;
}

const labels: Record<string, string> = {
  session_cost: "Charging session",
  session_revenue: "Charging revenue",
  home_charging_cost: "Home charging",
  home_charging_margin: "Home charging service fee",
  home_reimbursement: "Home charging reimbursement",
};

function describe(kind: string, session: Session, kwh: string): string {
  const day = session.stoppedAt!.toISOString().slice(0, 10);
  return `${labels[kind] ?? kind} ${day} ${session.chargePointId} (${kwh} kWh)`;
}
