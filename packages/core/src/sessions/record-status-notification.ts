import { connectorStatusEvents } from "@voltlane/db";
import { recordConnectorStatus } from "../charge-points/record-connector-status";
import type { CoreDeps } from "../platform/deps";
import { sessionEventsOf } from "./session-events";
import { chargePointActor } from "./session-lookup";

export type StatusNotificationInput = {
  chargePointId: string;
  /** 0 = the charger itself. */
  connectorId: number;
  status: string;
  errorCode: string;
  info?: string;
  vendorErrorCode?: string;
  /** The charger's clock; absent = when it arrived. */
  occurredAt?: Date;
};

/**
 * Appends the status to the connector's history (R36 measures charging and idle time from it) with
 * both clocks, and moves the connector's current status.
 */
export async function recordStatusNotification(
  deps: CoreDeps,
  input: StatusNotificationInput,
): Promise<void> {
  const { db } = deps;
  const actor = await chargePointActor(db, input.chargePointId);
  const receivedAt = deps.clock.now();
  const occurredAt = input.occurredAt ?? receivedAt;
  await db.transaction(async (tx) => {
    await tx.insert(connectorStatusEvents).values({
      providerId: actor.providerId,
      chargePointId: input.chargePointId,
      connectorId: input.connectorId,
      status: input.status,
      errorCode: input.errorCode,
      info: input.info ?? null,
      vendorErrorCode: input.vendorErrorCode ?? null,
      occurredAt,
      receivedAt,
    });
    await recordConnectorStatus(tx, {
      chargePointId: input.chargePointId,
      providerId: actor.providerId,
      connectorId: input.connectorId,
      status: input.status,
      errorCode: input.errorCode,
      at: occurredAt,
    });
  });
  sessionEventsOf(deps).emit("status", {
    providerId: actor.providerId,
    chargePointId: input.chargePointId,
    connectorId: input.connectorId,
    status: input.status,
  });
}
