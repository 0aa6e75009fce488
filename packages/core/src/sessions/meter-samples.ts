import { D } from "../money/decimal";

/** One sampled value as a charger reports it (domain terms; transports map their frames to this). */
export type SampledValueInput = {
  value: string;
  measurand?: string;
  phase?: string;
  unit?: string;
  context?: string;
  location?: string;
};
export type MeterSampleInput = { at: Date; values: SampledValueInput[] };

export type NormalizedValue = {
  sampledAt: Date;
  measurand: string;
  phase: string | null;
  context: string | null;
  location: string | null;
  value: string;
  unit: string | null;
};

const ENERGY_REGISTER = "Energy.Active.Import.Register";
const POWER = "Power.Active.Import";

/** OCPP 1.6: measurand defaults to the import register, unit to Wh. */
const defaultUnit = (measurand: string) => (measurand.startsWith("Energy.") ? "Wh" : null);

/** Energy registers are stored in Wh/varh and power in W/var (kilo-units scaled exactly, R1). */
export function normalizeSamples(samples: readonly MeterSampleInput[]): NormalizedValue[] {
  return samples.flatMap((sample) =>
    sample.values.map((v) => {
      const measurand = v.measurand ?? ENERGY_REGISTER;
      let unit = v.unit ?? defaultUnit(measurand);
      let value = v.value.trim();
      if (unit && /^k(W|Wh|var|varh|VA)$/.test(unit) && isDecimal(value)) {
        value = new D(value).times(1000).toFixed();
        unit = unit.slice(1);
      }
      return {
        sampledAt: sample.at,
        measurand,
        phase: v.phase ?? null,
        context: v.context ?? null,
        location: v.location ?? null,
        value,
        unit,
      };
    }),
  );
}

const isDecimal = (value: string) => /^-?\d+(\.\d+)?$/.test(value);

/** The session-level energy register: the value without phase (the total), rounded to whole Wh. */
export function energyRegisterWh(values: readonly NormalizedValue[]): { at: Date; wh: number }[] {
  return values
    .filter(
      (v) => v.measurand === ENERGY_REGISTER && v.phase === null && v.unit === "Wh" && isDecimal(v.value),
    )
    .map((v) => ({ at: v.sampledAt, wh: new D(v.value).toDecimalPlaces(0).toNumber() }));
}

/** The highest total active power in W (phase-less samples), if any. */
export function maxPowerW(values: readonly NormalizedValue[]): number | undefined {
  const powers = values
    .filter((v) => v.measurand === POWER && v.phase === null && v.unit === "W" && isDecimal(v.value))
    .map((v) => new D(v.value).toDecimalPlaces(0).toNumber());
  return powers.length ? Math.max(...powers) : undefined;
}

/** The latest state of charge in percent, if reported. */
export function latestSoc(values: readonly NormalizedValue[]): number | undefined {
  const socs = values.filter((v) => v.measurand === "SoC" && isDecimal(v.value));
  const last = socs.toSorted((a, b) => a.sampledAt.getTime() - b.sampledAt.getTime()).at(-1);
  return last ? new D(last.value).toDecimalPlaces(0).toNumber() : undefined;
}

/** What one message contributes to its session's running totals (see `writeMeterValueBatch`). */
export type MeterTotals = { registerAt?: Date; registerWh?: number; maxPowerW?: number; soc?: number };

/** The message's latest energy register reading (the later one on a tie), highest power and latest SoC. */
export function meterTotalsOf(values: readonly NormalizedValue[]): MeterTotals {
  const totals: MeterTotals = {};
  const latest = energyRegisterWh(values)
    .toSorted((a, b) => a.at.getTime() - b.at.getTime())
    .at(-1);
  if (latest) {
    totals.registerAt = latest.at;
    totals.registerWh = latest.wh;
  }
  const power = maxPowerW(values);
  if (power !== undefined) totals.maxPowerW = power;
  const soc = latestSoc(values);
  if (soc !== undefined) totals.soc = soc;
  return totals;
}
