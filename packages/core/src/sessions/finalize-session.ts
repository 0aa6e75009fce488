import { connectors, type Db, providers, transactions } from "@voltlane/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../auth/principal";
import { checkPlausibility } from "../tariffs/plausibility";
import { priceSession } from "../tariffs/price-session";
import type { TariffSnapshot } from "../tariffs/tariff-snapshot";
import { settleWalletSession } from "../wallets/settle-wallet-session";
import type { Transaction } from "./session-lookup";
import { measureSessionTime } from "./session-usage";

export type SessionEnd = {
  stoppedAt: Date;
  meterStopWh: number;
  reason: string;
  /** charge_point: a StopTransaction; boot: closed by the server after the charger rebooted. */
  source: "charge_point" | "boot";
  stopIdTag?: string | null;
  at: Date;
};

/**
 * W2 step 4: energy = meter stop − meter start, charging and idle time (R36), cost and margin with
 * the snapshot tariff (R35, R33) and plausibility (R37). A session refused at start stays `invalid`
 * and is never billable; a wallet session is debited (R39). Call inside a database transaction.
 */
export async function finalizeSession(db: Db, actor: Actor, session: Transaction, end: SessionEnd) {
  const energyWh = end.meterStopWh - session.meterStartWh;
  const time = await measureSessionTime(db, session, end);
  const durationSeconds = Math.floor((end.stoppedAt.getTime() - session.startedAt.getTime()) / 1000);
  const refusedAtStart = session.authorizationStatus !== "Accepted";
  const plausibility = checkPlausibility(
    {
      durationSeconds,
      energyWh,
      meterStartWh: session.meterStartWh,
      meterStopWh: end.meterStopWh,
      maxPowerW: await connectorMaxPower(db, session),
    },
    await plausibilitySettings(db, session.providerId),
  );
  const status = refusedAtStart ? "invalid" : plausibility.status;
  const usage = { energyWh: Math.max(0, energyWh), ...time };
  const cost =
    status === "completed" && session.tariffSnapshot
      ? priceSession(session.tariffSnapshot as TariffSnapshot, usage)
      : undefined;
  const changes = {
    stoppedAt: end.stoppedAt,
    meterStopWh: end.meterStopWh,
    ...usage,
    status,
    stopReason: end.reason,
    stopSource: end.source,
    stopIdTag: end.stopIdTag ?? null,
    billable: status === "completed" && plausibility.billable,
    notBillableReason: status === "completed" ? (plausibility.notBillableReason ?? null) : null,
    costStartFee: cost?.costStartFee ?? null,
    costEnergy: cost?.costEnergy ?? null,
    costTime: cost?.costTime ?? null,
    costIdle: cost?.costIdle ?? null,
    costNet: cost?.costNet ?? null,
    margin: cost?.margin ?? null,
    updatedAt: end.at,
  };
  const [updated] = await db
    .update(transactions)
    .set(changes)
    .where(eq(transactions.id, session.id))
    .returning();
  await recordAudit(db, actor, {
    action: "transaction.stop",
    entityType: "transaction",
    entityId: session.id,
    before: { status: session.status, stoppedAt: session.stoppedAt, energyWh: session.energyWh },
    after: {
      status,
      stoppedAt: end.stoppedAt,
      energyWh: usage.energyWh,
      reason: end.reason,
      costNet: changes.costNet,
    },
    at: end.at,
  });
  await settleWalletSession(db, actor, updated!, end.at);
  return updated!;
}

async function plausibilitySettings(db: Db, providerId: string) {
  const [provider] = await db
    .select({ settings: providers.settings })
    .from(providers)
    .where(eq(providers.id, providerId));
  const s = provider!.settings;
  return {
    minSessionSeconds: s.minSessionSeconds,
    minSessionWh: s.minSessionWh,
    maxPlausibleSessionWh: s.maxPlausibleSessionWh,
  };
}

async function connectorMaxPower(db: Db, session: Transaction): Promise<number | null> {
  const [row] = await db
    .select({ maxPowerW: connectors.maxPowerW })
    .from(connectors)
    .where(
      and(
        eq(connectors.chargePointId, session.chargePointId),
        eq(connectors.connectorId, session.connectorId),
      ),
    );
  return row?.maxPowerW ?? null;
}
