import { PHASE_VOLTAGE } from "./charging-profiles.ts";
import type { MeterValue, SampledValue } from "./ocpp-types.ts";

export interface MeterReading {
  at: Date;
  registerWh: number;
  powerW: number;
  socPercent: number;
  phases: number;
}

type Context = NonNullable<SampledValue["context"]>;
const PHASE_NAMES = ["L1", "L2", "L3"] as const;

/** One MeterValue with the measurands a real AC charger samples, formatted as OCPP decimal strings. */
export function meterValue(reading: MeterReading, context: Context = "Sample.Periodic"): MeterValue {
  const currentA = reading.powerW / (PHASE_VOLTAGE * reading.phases);
  const sampled: SampledValue[] = [
    {
      value: String(reading.registerWh),
      context,
      measurand: "Energy.Active.Import.Register",
      location: "Outlet",
      unit: "Wh",
    },
    {
      value: reading.powerW.toFixed(0),
      context,
      measurand: "Power.Active.Import",
      location: "Outlet",
      unit: "W",
    },
  ];
  for (const phase of PHASE_NAMES.slice(0, reading.phases)) {
    sampled.push({ value: currentA.toFixed(2), context, measurand: "Current.Import", phase, unit: "A" });
  }
  for (const phase of PHASE_NAMES.slice(0, reading.phases)) {
    const voltage = PHASE_VOLTAGE + jitter(reading.at, phase);
    sampled.push({
      value: voltage.toFixed(1),
      context,
      measurand: "Voltage",
      phase: `${phase}-N`,
      unit: "V",
    });
  }
  sampled.push({
    value: reading.socPercent.toFixed(0),
    context,
    measurand: "SoC",
    location: "EV",
    unit: "Percent",
  });
  return { timestamp: reading.at.toISOString(), sampledValue: sampled };
}

/** Only the energy register, as chargers send in StopTransaction.transactionData. */
export function registerValue(at: Date, registerWh: number, context: Context): MeterValue {
  return {
    timestamp: at.toISOString(),
    sampledValue: [
      { value: String(registerWh), context, measurand: "Energy.Active.Import.Register", unit: "Wh" },
    ],
  };
}

/** Deterministic ±2 V mains wobble, so samples look real but tests stay reproducible. */
function jitter(at: Date, phase: string): number {
  const seed = (at.getTime() / 1000 + phase.charCodeAt(1)) % 17;
  return (seed / 17) * 4 - 2;
}

/** Per-connector energy registers: monotonic across sessions, like a real MID meter. */
export class EnergyMeters {
  private readonly registers: number[];

  constructor(connectors: number, initialWh = 0) {
    this.registers = Array.from({ length: connectors + 1 }, () => initialWh);
  }

  read(connectorId: number): number {
    return this.registers[connectorId] ?? 0;
  }

  /** Moves the register forward; it never goes back. */
  advanceTo(connectorId: number, registerWh: number): void {
    const current = this.read(connectorId);
    if (registerWh > current) this.registers[connectorId] = registerWh;
  }
}
