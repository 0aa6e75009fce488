import type { SimulatedChargePoint } from "../charge-point.ts";
import { idleStatus } from "../connectors.ts";
import { afterReply, type RegisterHandler } from "./register.ts";

/** ReserveNow and CancelReservation (Reservation profile). */
export function registerReservationHandlers(cp: SimulatedChargePoint, register: RegisterHandler): void {
  register("ReserveNow", (params) => {
    const connectorId = params.connectorId as number;
    const reservationId = params.reservationId as number;
    const connector = cp.connectors[connectorId];
    if (!connector || (connectorId === 0 && !cp.config.getBool("ReserveConnectorZeroSupported"))) {
      return { status: "Rejected" };
    }
    if (connector.status === "Faulted") return { status: "Faulted" };
    if (!connector.operative) return { status: "Unavailable" };
    const sameReservation = connector.reservation?.reservationId === reservationId;
    if (connector.session || (connector.reservation && !sameReservation)) return { status: "Occupied" };
    if (connector.reservation) clearTimeout(connector.reservation.timer);
    const expiresAt = Date.parse(params.expiryDate as string);
    // Expiry is measured on the charge point's clock, which tests may have moved.
    const msLeft = Math.max(0, expiresAt - cp.now().getTime());
    const timer = setTimeout(
      () => void endReservation(cp, connectorId, reservationId),
      Math.min(msLeft, 2 ** 31 - 1),
    );
    timer.unref();
    connector.reservation = { reservationId, idTag: params.idTag as string, expiresAt, timer };
    afterReply(() => cp.statusNotification(connectorId, "Reserved"));
    return { status: "Accepted" };
  });

  register("CancelReservation", (params) => {
    const reservationId = params.reservationId as number;
    const connector = cp.connectors.find((c) => c.reservation?.reservationId === reservationId);
    if (!connector?.reservation) return { status: "Rejected" };
    // Dropped at once so that a repeated cancel is Rejected; only the status waits for the reply.
    clearTimeout(connector.reservation.timer);
    connector.reservation = undefined;
    if (!connector.session) afterReply(() => cp.statusNotification(connector.id, idleStatus(connector)));
    return { status: "Accepted" };
  });
}

async function endReservation(
  cp: SimulatedChargePoint,
  connectorId: number,
  reservationId: number,
): Promise<void> {
  const connector = cp.connectors[connectorId];
  if (connector?.reservation?.reservationId !== reservationId) return;
  clearTimeout(connector.reservation.timer);
  connector.reservation = undefined;
  if (!connector.session)
    await cp.statusNotification(connectorId, idleStatus(connector)).catch(() => undefined);
}
