import type { SimulatedChargePoint } from "../charge-point.ts";
import type { CallHandler } from "../rpc-link.ts";
import { registerConfigurationHandlers } from "./configuration.ts";
import { registerMaintenanceHandlers } from "./maintenance.ts";
import { registerReservationHandlers } from "./reservations.ts";
import { registerSmartChargingHandlers } from "./smart-charging.ts";
import { registerTransactionHandlers } from "./transactions.ts";

export type RegisterHandler = (action: string, handler: CallHandler) => void;

/** Answers every OCPP 1.6 CS→CP call; anything else gets ocpp-rpc's NotImplemented CALLERROR. */
export function registerCommandHandlers(cp: SimulatedChargePoint, register: RegisterHandler): void {
  registerTransactionHandlers(cp, register);
  registerConfigurationHandlers(cp, register);
  registerReservationHandlers(cp, register);
  registerSmartChargingHandlers(cp, register);
  registerMaintenanceHandlers(cp, register);
}

/** Runs `work` after the current CALLRESULT has gone out, as a charger acts after answering. */
export function afterReply(work: () => Promise<unknown>): void {
  setTimeout(() => {
    work().catch(() => undefined);
  }, 5);
}
