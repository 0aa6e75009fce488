import type { CoreDeps } from "../platform/deps";
import { loadSmartChargingState, providersWithSmartCharging } from "./load-smart-charging-state";
import { type ConnectorPlan, planAllocation } from "./plan-allocation";
import type { DefaultPlan } from "./plan-default-profiles";
import { forgetDefaultState, recordDefaultAnswer } from "./record-default-answer";
import { recordLoadSamples } from "./record-load-samples";
import { forgetProfileState, type ProfileAnswer, recordProfileAnswer } from "./record-profile-answer";

export type LimitTarget = {
  chargePointId: string;
  connectorId: number;
  /**
   * Named once the charger accepted a profile for this transaction. The first profile goes out right
   * after the start, when the charger may not have read StartTransaction.conf yet: without an id it
   * applies to the connector's running transaction (OCPP 1.6 §5.16), so it cannot be refused for that.
   */
  ocppTransactionId?: number;
  /** Amperes per phase, 0.1 A; 0 pauses the car. */
  limitA: number;
  phases: 1 | 3;
};
/** A connector's TxDefaultProfile: what a car plugging in there may draw before its own TxProfile. */
export type DefaultTarget = { chargePointId: string; connectorId: number; limitA: number };

type SendResult = { answer: ProfileAnswer; profile: unknown; profileId: number; stackLevel: number };
/** The transport that turns limits into charger commands (OCPP SetChargingProfile / ClearChargingProfile). */
export type ProfileSender = {
  setLimit: (target: LimitTarget) => Promise<SendResult>;
  setDefault: (target: DefaultTarget) => Promise<SendResult>;
  clear: (chargePointId: string, connectorId: number) => Promise<void>;
  clearDefault: (chargePointId: string, connectorId: number) => Promise<void>;
};
export type RebalanceResult = { sent: number; cleared: number; defaultsSent: number };

/**
 * One re-balance of a provider's grids (R24): plan, then send only the limits that change — lowered
 * limits and defaults first, so that the sum beneath a grid never exceeds it while the others are
 * raised — clear the profiles of chargers that left a grid, and optionally sample the load history.
 */
export async function rebalanceProvider(
  deps: CoreDeps,
  providerId: string,
  sender: ProfileSender,
  options: { sample?: boolean } = {},
): Promise<RebalanceResult> {
  const now = deps.clock.now();
  const state = await loadSmartChargingState(deps.db, providerId, now);
  const plan = planAllocation(state, now);
  const pending = plan.connectors.filter((c) => c.send);
  const defaults = plan.defaults.defaults.filter((d) => d.send);
  // A connector without a delivered default may let a car draw anything: its first default only
  // ever lowers, but goes after the known limits that are lowered, so no sum in force ever rises.
  const known = defaults.filter((d) => d.previous?.limitA != null);
  const lowers = (d: DefaultPlan) => d.limitA < Number(d.previous!.limitA);
  const lowered = pending.filter((c) => c.limitA < previousLimit(c));
  await Promise.all([
    sendLimits(deps, providerId, sender, lowered),
    sendDefaults(deps, providerId, sender, known.filter(lowers)),
  ]);
  await sendDefaults(
    deps,
    providerId,
    sender,
    defaults.filter((d) => d.previous?.limitA == null),
  );
  await Promise.all([
    sendLimits(
      deps,
      providerId,
      sender,
      pending.filter((c) => !lowered.includes(c)),
    ),
    sendDefaults(
      deps,
      providerId,
      sender,
      known.filter((d) => !lowers(d)),
    ),
  ]);
  for (const stale of plan.clear) {
    await sender.clear(stale.chargePointId, stale.connectorId).catch(() => undefined);
    await forgetProfileState(deps.db, stale);
  }
  for (const stale of plan.forget) await forgetProfileState(deps.db, stale);
  for (const stale of plan.defaults.clear) {
    await sender.clearDefault(stale.chargePointId, stale.connectorId).catch(() => undefined);
    await forgetDefaultState(deps.db, stale);
  }
  if (options.sample) await recordLoadSamples(deps.db, providerId, plan.grids, now);
  return { sent: pending.length, cleared: plan.clear.length, defaultsSent: defaults.length };
}

/** Every provider with grids or leftover profiles; one failing provider does not stop the others. */
export async function rebalanceAllProviders(
  deps: CoreDeps,
  sender: ProfileSender,
  options: { sample?: boolean; onError?: (providerId: string, error: unknown) => void } = {},
): Promise<void> {
  for (const providerId of await providersWithSmartCharging(deps.db)) {
    try {
      await rebalanceProvider(deps, providerId, sender, options);
    } catch (error) {
      options.onError?.(providerId, error);
    }
  }
}

/** A new session runs under its connector's default; a connector without a known limit at its maximum. */
const previousLimit = (c: ConnectorPlan) => c.inForceA ?? c.session.maxCurrentA;

async function sendLimits(deps: CoreDeps, providerId: string, sender: ProfileSender, plans: ConnectorPlan[]) {
  await Promise.all(
    plans.map(async (plan) => {
      const s = plan.session;
      const target = {
        chargePointId: s.chargePointId,
        connectorId: s.connectorId,
        ocppTransactionId: plan.previous?.status === "Accepted" ? s.ocppTransactionId : undefined,
        limitA: plan.limitA,
        phases: s.phases,
      };
      const result = await sender.setLimit(target);
      await recordProfileAnswer(deps.db, { providerId, plan, ...result, at: deps.clock.now() });
    }),
  );
}

async function sendDefaults(deps: CoreDeps, providerId: string, sender: ProfileSender, plans: DefaultPlan[]) {
  await Promise.all(
    plans.map(async (plan) => {
      const { chargePointId, connectorId } = plan.connector;
      const result = await sender.setDefault({ chargePointId, connectorId, limitA: plan.limitA });
      await recordDefaultAnswer(deps.db, { providerId, plan, ...result, at: deps.clock.now() });
    }),
  );
}
