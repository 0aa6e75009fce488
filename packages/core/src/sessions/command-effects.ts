import { chargePointReservations, chargingProfilesSent, type Db } from "@voltlane/db";
import { and, eq, isNull } from "drizzle-orm";
import type { ChargePointCommand } from "./charge-point-commands";

type Context = { providerId: string; actorId: string; at: Date };
type Params = Record<string, any>;

/** What the back office keeps of commands that leave state on the charger: reservations, profiles. */
export async function recordCommandEffects(
  db: Db,
  ctx: Context,
  command: ChargePointCommand,
  result: unknown,
) {
  const p = command.params as Params;
  const status = String((result as { status?: unknown })?.status ?? "");
  switch (command.type) {
    case "ReserveNow":
      await db
        .insert(chargePointReservations)
        .values({
          providerId: ctx.providerId,
          reservationId: p.reservationId,
          chargePointId: command.chargePointId,
          connectorId: p.connectorId,
          idTag: p.idTag,
          parentIdTag: p.parentIdTag ?? null,
          expiresAt: new Date(p.expiryDate),
          status,
          createdBy: ctx.actorId,
        })
        .onConflictDoNothing();
      return;
    case "CancelReservation":
      if (status !== "Accepted") return;
      await db
        .update(chargePointReservations)
        .set({ status: "cancelled", updatedAt: ctx.at })
        .where(
          and(
            eq(chargePointReservations.providerId, ctx.providerId),
            eq(chargePointReservations.reservationId, p.reservationId),
          ),
        );
      return;
    case "SetChargingProfile":
      await db.insert(chargingProfilesSent).values({
        providerId: ctx.providerId,
        chargePointId: command.chargePointId,
        connectorId: p.connectorId,
        chargingProfileId: p.csChargingProfiles.chargingProfileId,
        purpose: p.csChargingProfiles.chargingProfilePurpose,
        stackLevel: p.csChargingProfiles.stackLevel,
        profile: p.csChargingProfiles,
        status,
        sentBy: ctx.actorId,
        sentAt: ctx.at,
      });
      return;
    case "ClearChargingProfile":
      if (status !== "Accepted") return;
      await db
        .update(chargingProfilesSent)
        .set({ clearedAt: ctx.at })
        .where(
          and(
            eq(chargingProfilesSent.chargePointId, command.chargePointId),
            isNull(chargingProfilesSent.clearedAt),
            ...(p.id !== undefined ? [eq(chargingProfilesSent.chargingProfileId, p.id)] : []),
          ),
        );
      return;
    default:
      return;
  }
}
