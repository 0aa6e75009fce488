import { chargingProfilesSent, type Db, defaultProfileStates } from "@voltlane/db";
import { and, eq } from "drizzle-orm";
import type { DefaultStateFact } from "./load-default-profile-facts";
import type { DefaultPlan } from "./plan-default-profiles";
import type { ProfileAnswer } from "./record-profile-answer";

/**
 * Remembers the TxDefaultProfile a connector now has; a send that did not arrive keeps the last
 * delivered limit, so that the next plan knows what may still be in force.
 */
export async function recordDefaultAnswer(
  db: Db,
  input: {
    providerId: string;
    plan: DefaultPlan;
    answer: ProfileAnswer;
    profile: unknown;
    profileId: number;
    stackLevel: number;
    at: Date;
  },
): Promise<void> {
  const { plan, answer, at, providerId } = input;
  const c = plan.connector;
  const values = {
    providerId,
    gridId: c.gridId,
    limitA: answer === "Accepted" ? String(plan.limitA) : (plan.previous?.limitA ?? null),
    status: answer,
    sentAt: at,
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(defaultProfileStates)
      .values({ chargePointId: c.chargePointId, connectorId: c.connectorId, ...values })
      .onConflictDoUpdate({
        target: [defaultProfileStates.chargePointId, defaultProfileStates.connectorId],
        set: values,
      });
    await tx.insert(chargingProfilesSent).values({
      providerId,
      chargePointId: c.chargePointId,
      connectorId: c.connectorId,
      chargingProfileId: input.profileId,
      purpose: "TxDefaultProfile",
      stackLevel: input.stackLevel,
      profile: input.profile,
      status: answer,
      sentBy: "smart_charging",
      sentAt: at,
    });
  });
}

/** The default of a connector whose charger left its grid. */
export async function forgetDefaultState(db: Db, state: DefaultStateFact): Promise<void> {
  await db
    .delete(defaultProfileStates)
    .where(
      and(
        eq(defaultProfileStates.chargePointId, state.chargePointId),
        eq(defaultProfileStates.connectorId, state.connectorId),
      ),
    );
}
