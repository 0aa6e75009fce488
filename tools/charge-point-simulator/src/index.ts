export { createChargePoint, SimulatedChargePoint } from "./charge-point.ts";
export type {
  ReceivedCall,
  StartTransactionInput,
  StartTransactionResult,
  StopTransactionInput,
} from "./charge-point-types.ts";
export { ConfigStore, type ConfigurationKey } from "./config-store.ts";
export { createFleet, type Fleet, type FleetOptions, type FleetStats } from "./fleet.ts";
export { meterValue, registerValue } from "./meter.ts";
export type * from "./ocpp-types.ts";
export type { ChargePointOptions } from "./options.ts";
export type { FrameDirection, FrameLogger } from "./rpc-link.ts";
export type { SessionOptions, SessionResult } from "./session-runner.ts";
