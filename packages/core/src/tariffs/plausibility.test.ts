import { describe, expect, it } from "vitest";
import { checkPlausibility, type PlausibilityInput } from "./plausibility";

const settings = { minSessionSeconds: 120, minSessionWh: 200, maxPlausibleSessionWh: 250_000 };
const session = (fields: Partial<PlausibilityInput>): PlausibilityInput => ({
  durationSeconds: 3600,
  energyWh: 10_000,
  meterStartWh: 1_000_000,
  meterStopWh: 1_010_000,
  ...fields,
});
const billable = { status: "completed", billable: true };
const notBillable = (notBillableReason: string) => ({
  status: "completed",
  billable: false,
  notBillableReason,
});

describe("checkPlausibility (R37)", () => {
  it.each([
    ["a normal session", session({}), billable],
    ["exactly the minimum duration", session({ durationSeconds: 120 }), billable],
    ["one second too short", session({ durationSeconds: 119 }), notBillable("too_short")],
    ["exactly the minimum energy", session({ energyWh: 200 }), billable],
    ["one Wh too little", session({ energyWh: 199 }), notBillable("too_little_energy")],
    ["zero energy", session({ energyWh: 0, meterStopWh: 1_000_000 }), notBillable("too_little_energy")],
    [
      "short and small: too short wins",
      session({ durationSeconds: 10, energyWh: 5 }),
      notBillable("too_short"),
    ],
    ["exactly the plausible maximum", session({ energyWh: 250_000, durationSeconds: 36_000 }), billable],
    [
      "above the plausible maximum",
      session({ energyWh: 250_001, durationSeconds: 36_000 }),
      notBillable("implausible"),
    ],
    ["11 kW for 1 h: 11 000 Wh fits", session({ energyWh: 11_000, maxPowerW: 11_000 }), billable],
    [
      "11 kW for 1 h: 11 001 Wh does not",
      session({ energyWh: 11_001, maxPowerW: 11_000 }),
      notBillable("implausible"),
    ],
    [
      "implausible wins over too short",
      session({ energyWh: 5_000, durationSeconds: 60, maxPowerW: 22_000 }),
      notBillable("implausible"),
    ],
    ["max power null is ignored", session({ energyWh: 50_000, maxPowerW: null }), billable],
    [
      "meter stop below start",
      session({ meterStartWh: 1_000_000, meterStopWh: 999_999 }),
      { status: "invalid", billable: false, notBillableReason: "implausible" },
    ],
    [
      "negative duration",
      session({ durationSeconds: -1 }),
      { status: "invalid", billable: false, notBillableReason: "implausible" },
    ],
  ])("%s", (_name, input, result) => {
    expect(checkPlausibility(input, settings)).toEqual(result);
  });

  it.each([
    ["fractional energy", session({ energyWh: 1.5 })],
    ["NaN duration", session({ durationSeconds: Number.NaN })],
    ["negative max power", session({ maxPowerW: -1 })],
  ])("rejects %s", (_name, input) => {
    expect(() => checkPlausibility(input, settings)).toThrow(
      expect.objectContaining({ code: "validation_failed" }),
    );
  });

  it("rejects negative settings", () => {
    expect(() => checkPlausibility(session({}), { ...settings, minSessionWh: -1 })).toThrow(/minSessionWh/);
  });
});
