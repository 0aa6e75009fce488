import { describe, expect, it } from "vitest";
import { energyRegisterWh, latestSoc, maxPowerW, normalizeSamples } from "./meter-samples";

const at = new Date("2026-03-01T10:00:00Z");

describe("normalizeSamples", () => {
  it("defaults the measurand to the import register in Wh and scales kWh and kW exactly", () => {
    const values = normalizeSamples([
      {
        at,
        values: [
          { value: "1234" },
          { value: "12.3456", unit: "kWh", measurand: "Energy.Active.Import.Register" },
          { value: "7.4", unit: "kW", measurand: "Power.Active.Import" },
          { value: "16.1", unit: "A", measurand: "Current.Import", phase: "L1" },
        ],
      },
    ]);
    expect(values.map((v) => [v.measurand, v.value, v.unit, v.phase])).toEqual([
      ["Energy.Active.Import.Register", "1234", "Wh", null],
      ["Energy.Active.Import.Register", "12345.6", "Wh", null],
      ["Power.Active.Import", "7400", "W", null],
      ["Current.Import", "16.1", "A", "L1"],
    ]);
    expect(energyRegisterWh(values).map((e) => e.wh)).toEqual([1234, 12346]);
    expect(maxPowerW(values)).toBe(7400);
  });

  it("ignores per-phase registers for the total and takes the latest SoC", () => {
    const values = normalizeSamples([
      {
        at,
        values: [
          { value: "10", phase: "L1" },
          { value: "40", measurand: "SoC", unit: "Percent" },
        ],
      },
      { at: new Date(at.getTime() + 60_000), values: [{ value: "55", measurand: "SoC" }] },
    ]);
    expect(energyRegisterWh(values)).toEqual([]);
    expect(latestSoc(values)).toBe(55);
    expect(maxPowerW(values)).toBeUndefined();
  });
});
