import type { ChargePointCommandType } from "@voltlane/contracts";
import { chargePoints, type Db } from "@voltlane/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { authorizeIdTag } from "../authorization/authorize-id-tag";
import { AppError } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { can } from "../policy/can";
import { recordCommandEffects } from "./command-effects";
import { nextOcppId } from "./next-ocpp-id";
import { cardHasActiveSession } from "./session-lookup";

export { type ChargePointCommandType, chargePointCommandTypes } from "@voltlane/contracts";

export type ChargePointCommand = {
  chargePointId: string;
  type: ChargePointCommandType;
  params: Record<string, unknown>;
};

/**
 * What a company admin may send to its own charge points ("Charge point settings", O): configuration,
 * restarting, helping a driver (unlock, start/stop, availability) and asking for a fresh status.
 * Firmware, diagnostics, local lists, reservations and charging profiles stay with operations.
 */
const ownerCommands = new Set<ChargePointCommandType>([
  "GetConfiguration",
  "ChangeConfiguration",
  "Reset",
  "UnlockConnector",
  "ChangeAvailability",
  "RemoteStartTransaction",
  "RemoteStopTransaction",
  "TriggerMessage",
]);

/**
 * Before a command is sent: the charge point must be visible (R4, else 404); operations, admin and
 * super users may command any charge point, company admins their own (charge point settings, O);
 * a remote start must pass the same R32 decision as a card at the charger. Returns the params to
 * send (a reservation gets its id here).
 */
export async function prepareChargePointCommand(
  deps: CoreDeps,
  principal: Principal,
  command: ChargePointCommand,
): Promise<Record<string, unknown>> {
  const cp = await visibleChargePoint(deps.db, principal, command.chargePointId);
  if (!can(principal, "charge_points", "write")) {
    const owned = { customerIds: [cp.ownerCustomerId] };
    // Customers see only their own charge points (R4): anything else does not exist for them.
    if (principal.kind === "customer" && !can(principal, "charge_point_details", "read", owned)) {
      throw new AppError("not_found", "charge point not found");
    }
    // Visible, so refusing now is a 403, not a 404.
    if (!can(principal, "charge_point_settings", "write", owned)) {
      throw new AppError("forbidden", "not allowed to command this charge point");
    }
    if (!ownerCommands.has(command.type)) {
      throw new AppError("forbidden", `${command.type} is for the provider's operations staff`);
    }
  }
  if (command.type === "RemoteStartTransaction") {
    const decision = await authorizeIdTag(deps.db, {
      chargePointId: cp.id,
      idTag: String(command.params.idTag ?? ""),
      at: deps.clock.now(),
      hasActiveSession: (cardId) => cardHasActiveSession(deps.db, cardId),
    });
    if (decision.status !== "Accepted") {
      throw new AppError("business_rule", `the card may not charge here (${decision.status})`, {
        rule: "R32",
        status: decision.status,
      });
    }
  }
  if (command.type === "ReserveNow" && command.params.reservationId === undefined) {
    return { ...command.params, reservationId: await nextOcppId(deps.db, cp.providerId, "ocpp_reservation") };
  }
  return command.params;
}

/** R8: every command is audited with the charge point's answer (or why there was none). */
export async function recordChargePointCommand(
  deps: CoreDeps,
  principal: Principal,
  command: ChargePointCommand,
  outcome: { result?: unknown; error?: string },
): Promise<void> {
  const cp = await visibleChargePoint(deps.db, principal, command.chargePointId);
  await deps.db.transaction(async (tx) => {
    await recordAudit(tx, principal, {
      action: `charge_point.command.${command.type}`,
      entityType: "charge_point",
      entityId: command.chargePointId,
      after: { params: command.params, ...outcome },
      at: deps.clock.now(),
    });
    if (outcome.result !== undefined) {
      await recordCommandEffects(
        tx,
        { providerId: cp.providerId, actorId: principal.userId, at: deps.clock.now() },
        command,
        outcome.result,
      );
    }
  });
}

async function visibleChargePoint(db: Db, principal: Principal, chargePointId: string) {
  const [cp] = await db
    .select({
      id: chargePoints.id,
      providerId: chargePoints.providerId,
      ownerCustomerId: chargePoints.ownerCustomerId,
    })
    .from(chargePoints)
    .where(and(eq(chargePoints.id, chargePointId), eq(chargePoints.providerId, principal.providerId)));
  if (!cp) throw new AppError("not_found", "charge point not found");
  return cp;
}
