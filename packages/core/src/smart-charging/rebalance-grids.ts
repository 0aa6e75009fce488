import type { CoreDeps } from "../platform/deps";
import { loadSmartChargingState, providersWithSmartCharging } from "./load-smart-charging-state";
import { type ConnectorPlan, planAllocation } from "./plan-allocation";
import { recordLoadSamples } from "./record-load-samples";
import { forgetProfileState, type ProfileAnswer, recordProfileAnswer } from "./record-profile-answer";

export type LimitTarget = {
  chargePointId: string;
  connectorId: number;
  ocppTransactionId: number;
  /** Amperes per phase, 0.1 A; 0 pauses the car. */
  limitA: number;
  phases: 1 | 3;
};

/** The transport that turns limits into charger commands (OCPP SetChargingProfile / ClearChargingProfile). */
export type ProfileSender = {
  setLimit: (
    target: LimitTarget,
  ) => Promise<{ answer: ProfileAnswer; profile: unknown; profileId: number; stackLevel: number }>;
  clear: (chargePointId: string, connectorId: number) => Promise<void>;
};

export type RebalanceResult = { sent: number; cleared: number };

/**
 * One re-balance of a provider's grids (R24): plan, then send only the limits that change — lowered
 * limits first, so that the sum beneath a grid never exceeds it while the others are raised — clear
 * the profiles of chargers that left a grid, and optionally sample the load history.
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
  const lowering = pending.filter((c) => c.limitA < previousLimit(c));
  const raising = pending.filter((c) => c.limitA >= previousLimit(c));
  await sendAll(deps, providerId, sender, lowering);
  await sendAll(deps, providerId, sender, raising);
  for (const stale of plan.clear) {
    await sender.clear(stale.chargePointId, stale.connectorId).catch(() => undefined);
    await forgetProfileState(deps.db, stale);
  }
  for (const stale of plan.forget) await forgetProfileState(deps.db, stale);
  if (options.sample) await recordLoadSamples(deps.db, providerId, plan.grids, now);
  return { sent: pending.length, cleared: plan.clear.length };
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

/** A connector without a known limit runs at its maximum. */
const previousLimit = (c: ConnectorPlan) =>
  c.previous?.limitA == null ? c.session.maxCurrentA : Number(c.previous.limitA);

async function sendAll(deps: CoreDeps, providerId: string, sender: ProfileSender, plans: ConnectorPlan[]) {
  await Promise.all(
    plans.map(async (plan) => {
      const s = plan.session;
      const target = {
        chargePointId: s.chargePointId,
        connectorId: s.connectorId,
        ocppTransactionId: s.ocppTransactionId,
        limitA: plan.limitA,
        phases: s.phases,
      };
      const result = await sender.setLimit(target);
      await recordProfileAnswer(deps.db, { providerId, plan, ...result, at: deps.clock.now() });
    }),
  );
}
