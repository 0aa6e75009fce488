import type { FrameLogger } from "./rpc-link.ts";

export interface ChargePointOptions {
  /** Central system endpoint without the identity, e.g. `ws://127.0.0.1:3000/ocpp`. */
  url: string;
  identity: string;
  /** HTTP Basic auth on the upgrade (security profile 1); the username is the identity. */
  password?: string;
  connectors?: number;
  vendor?: string;
  model?: string;
  serialNumber?: string;
  firmwareVersion?: string;
  /** The charge point's clock; tests pass one in to send timestamps in the past. */
  clock?: () => Date;
  /** Overrides the interval the central system sends in BootNotification.conf. */
  heartbeatIntervalS?: number;
  meterIntervalS?: number;
  /** Reconnect by itself after the socket drops (default true). */
  reconnect?: boolean;
  reconnectDelayMs?: number;
  /** Called for every frame in and out (raw JSON text). */
  log?: FrameLogger;
  /** Answer every SetChargingProfile with Rejected (to test the server's handling). */
  rejectChargingProfiles?: boolean;
  /** Keep every received CS→CP call in `received` (default true). */
  recordReceived?: boolean;
  phases?: number;
  maxCurrentA?: number;
  /** Register value of every connector's meter at start (Wh). */
  initialMeterWh?: number;
  /** Delay between the status notifications of simulated diagnostics and firmware jobs. */
  jobStepMs?: number;
  /** Session that RemoteStartTransaction starts. */
  remoteSession?: { energyWh?: number; durationS?: number; timeScale?: number; sampleEveryS?: number };
  callTimeoutMs?: number;
}

export type ResolvedOptions = Required<
  Omit<ChargePointOptions, "password" | "log" | "heartbeatIntervalS" | "remoteSession" | "serialNumber">
> &
  Pick<ChargePointOptions, "password" | "log" | "heartbeatIntervalS" | "serialNumber"> & {
    remoteSession: Required<NonNullable<ChargePointOptions["remoteSession"]>>;
  };

export function resolveOptions(options: ChargePointOptions): ResolvedOptions {
  return {
    connectors: 2,
    vendor: "Voltlane",
    model: "SIM-AC22",
    firmwareVersion: "1.0.0",
    clock: () => new Date(),
    meterIntervalS: 60,
    reconnect: true,
    reconnectDelayMs: 1_000,
    rejectChargingProfiles: false,
    recordReceived: true,
    phases: 3,
    maxCurrentA: 32,
    initialMeterWh: 0,
    jobStepMs: 50,
    callTimeoutMs: 30_000,
    ...withoutUndefined(options),
    url: options.url,
    identity: options.identity,
    remoteSession: {
      energyWh: 10_000,
      durationS: 3_600,
      timeScale: 3_600,
      sampleEveryS: 300,
      ...options.remoteSession,
    },
  };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
