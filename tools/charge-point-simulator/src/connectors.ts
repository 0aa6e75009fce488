import type { ChargePointErrorCode, ChargePointStatus, StopReason } from "./ocpp-types.ts";

export interface Reservation {
  reservationId: number;
  idTag: string;
  expiresAt: number;
  timer: NodeJS.Timeout;
}

export interface ActiveSession {
  /** Provisional (negative) while the StartTransaction waits in the offline queue. */
  transactionId: number;
  idTag: string;
  /** Set to end the session early; the runner sends StopTransaction with this reason. */
  stop(reason: StopReason): void;
  done: Promise<unknown>;
}

export interface Connector {
  id: number;
  status: ChargePointStatus;
  errorCode: ChargePointErrorCode;
  operative: boolean;
  /** ChangeAvailability answered Scheduled: applied when the running session ends. */
  scheduledOperative?: boolean;
  reservation?: Reservation;
  session?: ActiveSession;
}

export function createConnectors(count: number): Connector[] {
  // Index 0 is the charge point as a whole, as in OCPP.
  return Array.from({ length: count + 1 }, (_, id) => ({
    id,
    status: "Available" as ChargePointStatus,
    errorCode: "NoError" as ChargePointErrorCode,
    operative: true,
  }));
}

/** The status a connector rests in when nothing is happening on it. */
export function idleStatus(connector: Connector): ChargePointStatus {
  if (!connector.operative) return "Unavailable";
  return connector.reservation ? "Reserved" : "Available";
}
