import { chargingProfileStates, chargingProfilesSent, type Db, smartChargingFlags } from "@voltlane/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { ProfileStateFact } from "./load-smart-charging-state";
import type { ConnectorPlan } from "./plan-allocation";

/** What the charger answered to SetChargingProfile; `Failed` = no answer (offline, timeout, CALLERROR). */
export type ProfileAnswer = "Accepted" | "Rejected" | "NotSupported" | "Failed";

const refusals: readonly ProfileAnswer[] = ["Rejected", "NotSupported"];

/**
 * Remembers the limit a connector now has and flags chargers that refuse profiles (issue #7: their
 * sessions then count at their maximum). A failed send keeps the last known limit so it is retried.
 */
export async function recordProfileAnswer(
  db: Db,
  input: {
    providerId: string;
    plan: ConnectorPlan;
    answer: ProfileAnswer;
    profile: unknown;
    stackLevel: number;
    profileId: number;
    at: Date;
  },
): Promise<void> {
  const { plan, answer, at, providerId } = input;
  const s = plan.session;
  const delivered = answer === "Accepted";
  const values = {
    providerId,
    gridId: s.gridId,
    ocppTransactionId: s.ocppTransactionId,
    limitA: delivered ? String(plan.limitA) : (plan.previous?.limitA ?? null),
    assumedMeasuredA:
      delivered && plan.assumedMeasuredA !== null
        ? String(plan.assumedMeasuredA)
        : (plan.previous?.assumedMeasuredA ?? null),
    status: answer,
    sentAt: at,
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(chargingProfileStates)
      .values({ chargePointId: s.chargePointId, connectorId: s.connectorId, ...values })
      .onConflictDoUpdate({
        target: [chargingProfileStates.chargePointId, chargingProfileStates.connectorId],
        set: values,
      });
    await tx.insert(chargingProfilesSent).values({
      providerId,
      chargePointId: s.chargePointId,
      connectorId: s.connectorId,
      chargingProfileId: input.profileId,
      purpose: "TxProfile",
      stackLevel: input.stackLevel,
      profile: input.profile,
      status: answer,
      sentBy: "smart_charging",
      sentAt: at,
    });
    if (answer !== "Failed")
      await setRejectedFlag(tx, providerId, s.chargePointId, refusals.includes(answer), answer, at);
  });
}

/** R8: a charger becoming flagged or unflagged is a state change, audited; repeats are not. */
async function setRejectedFlag(
  tx: Db,
  providerId: string,
  chargePointId: string,
  rejected: boolean,
  answer: string,
  at: Date,
) {
  const [before] = await tx
    .select()
    .from(smartChargingFlags)
    .where(eq(smartChargingFlags.chargePointId, chargePointId));
  if ((before?.profilesRejected ?? false) === rejected) return;
  await tx
    .insert(smartChargingFlags)
    .values({
      chargePointId,
      providerId,
      profilesRejected: rejected,
      lastStatus: answer,
      flaggedAt: rejected ? at : null,
      updatedAt: at,
    })
    .onConflictDoUpdate({
      target: smartChargingFlags.chargePointId,
      set: { profilesRejected: rejected, lastStatus: answer, flaggedAt: rejected ? at : null, updatedAt: at },
    });
  await recordAudit(
    tx,
    { kind: "job", providerId, name: "smart-charging" },
    {
      action: rejected ? "charge_point.profiles_rejected" : "charge_point.profiles_accepted",
      entityType: "charge_point",
      entityId: chargePointId,
      before: { profilesRejected: before?.profilesRejected ?? false },
      after: { profilesRejected: rejected, answer },
      at,
    },
  );
}

/** The profile state of a connector whose transaction ended or whose charger left the grid. */
export async function forgetProfileState(db: Db, state: ProfileStateFact): Promise<void> {
  await db
    .delete(chargingProfileStates)
    .where(
      and(
        eq(chargingProfileStates.chargePointId, state.chargePointId),
        eq(chargingProfileStates.connectorId, state.connectorId),
      ),
    );
}
