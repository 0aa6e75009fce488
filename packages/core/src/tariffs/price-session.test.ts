import { describe, expect, it } from "vitest";
import { billableIdleMinutes, priceSession, type SessionUsage } from "./price-session";
import type { TariffSnapshot } from "./tariff-snapshot";

const free: TariffSnapshot = {
  startFee: "0",
  energyPrice: "0",
  timePrice: "0",
  idleFee: "0",
  idleGraceMinutes: 0,
  idleFeeCap: null,
  marginPerKwh: "0",
  vatRate: "21.00",
  currency: "EUR",
};
const tariff = (fields: Partial<TariffSnapshot>): TariffSnapshot => ({ ...free, ...fields });
const usage = (fields: Partial<SessionUsage>): SessionUsage => ({
  energyWh: 0,
  chargingSeconds: 0,
  idleSeconds: 0,
  ...fields,
});

describe("priceSession (R35, R2)", () => {
  it.each([
    {
      name: "zero energy pays only the start fee",
      tariff: tariff({ startFee: "0.50", energyPrice: "0.35" }),
      usage: usage({}),
      cost: { costStartFee: 50, costEnergy: 0, costTime: 0, costIdle: 0, costNet: 50, margin: 0 },
    },
    {
      name: "4-decimal price: 0.2345 × 12 345 Wh = 2.8949025 → 289",
      tariff: tariff({ energyPrice: "0.2345", marginPerKwh: "0.015" }),
      usage: usage({ energyWh: 12_345 }),
      cost: { costStartFee: 0, costEnergy: 289, costTime: 0, costIdle: 0, costNet: 289, margin: 19 },
    },
    {
      name: "250 000 Wh at 0.35",
      tariff: tariff({ energyPrice: "0.35", marginPerKwh: "0.02" }),
      usage: usage({ energyWh: 250_000 }),
      cost: { costStartFee: 0, costEnergy: 8750, costTime: 0, costIdle: 0, costNet: 8750, margin: 500 },
    },
    {
      name: "10 000 000 Wh at 0.2345",
      tariff: tariff({ energyPrice: "0.2345", marginPerKwh: "0.0001" }),
      usage: usage({ energyWh: 10_000_000 }),
      cost: { costStartFee: 0, costEnergy: 234_500, costTime: 0, costIdle: 0, costNet: 234_500, margin: 100 },
    },
    {
      name: "all components",
      tariff: tariff({
        startFee: "1.00",
        energyPrice: "0.30",
        timePrice: "1.20",
        idleFee: "0.10",
        idleGraceMinutes: 30,
      }),
      usage: usage({ energyWh: 22_000, chargingSeconds: 2 * 3600 + 30 * 60, idleSeconds: 45 * 60 }),
      cost: { costStartFee: 100, costEnergy: 660, costTime: 300, costIdle: 150, costNet: 1210, margin: 0 },
    },
    {
      name: "energy exactly half a cent rounds up: 0.25 × 220 Wh = 5.5 c",
      tariff: tariff({ energyPrice: "0.25" }),
      usage: usage({ energyWh: 220 }),
      cost: { costStartFee: 0, costEnergy: 6, costTime: 0, costIdle: 0, costNet: 6, margin: 0 },
    },
    {
      name: "just below half a cent rounds down: 0.25 × 218 Wh = 5.45 c",
      tariff: tariff({ energyPrice: "0.25" }),
      usage: usage({ energyWh: 218 }),
      cost: { costStartFee: 0, costEnergy: 5, costTime: 0, costIdle: 0, costNet: 5, margin: 0 },
    },
    {
      name: "components are rounded before summing: 5.5 c + 1.5 c = 8 c, not 7 c",
      tariff: tariff({ energyPrice: "0.25", timePrice: "1.00" }),
      usage: usage({ energyWh: 220, chargingSeconds: 54 }),
      cost: { costStartFee: 0, costEnergy: 6, costTime: 2, costIdle: 0, costNet: 8, margin: 0 },
    },
    {
      name: "start fee of half a cent",
      tariff: tariff({ startFee: "0.0050" }),
      usage: usage({}),
      cost: { costStartFee: 1, costEnergy: 0, costTime: 0, costIdle: 0, costNet: 1, margin: 0 },
    },
    {
      name: "time exactly half a cent: 18 s at 1.00/h",
      tariff: tariff({ timePrice: "1.00" }),
      usage: usage({ chargingSeconds: 18 }),
      cost: { costStartFee: 0, costEnergy: 0, costTime: 1, costIdle: 0, costNet: 1, margin: 0 },
    },
    {
      name: "margin exactly half a cent: 0.05 × 1 100 Wh = 5.5 c",
      tariff: tariff({ energyPrice: "0.30", marginPerKwh: "0.05" }),
      usage: usage({ energyWh: 1_100 }),
      cost: { costStartFee: 0, costEnergy: 33, costTime: 0, costIdle: 0, costNet: 33, margin: 6 },
    },
    {
      name: "idle within grace is free (30 min 59 s, grace 30)",
      tariff: tariff({ idleFee: "0.10", idleGraceMinutes: 30 }),
      usage: usage({ idleSeconds: 30 * 60 + 59 }),
      cost: { costStartFee: 0, costEnergy: 0, costTime: 0, costIdle: 0, costNet: 0, margin: 0 },
    },
    {
      name: "long idle: 26 h, grace 30, 0.10/min, no cap",
      tariff: tariff({ idleFee: "0.10", idleGraceMinutes: 30 }),
      usage: usage({ idleSeconds: 26 * 3600 }),
      cost: { costStartFee: 0, costEnergy: 0, costTime: 0, costIdle: 15_300, costNet: 15_300, margin: 0 },
    },
    {
      name: "long idle capped at 10.00",
      tariff: tariff({ idleFee: "0.10", idleGraceMinutes: 30, idleFeeCap: 1000 }),
      usage: usage({ idleSeconds: 26 * 3600 }),
      cost: { costStartFee: 0, costEnergy: 0, costTime: 0, costIdle: 1000, costNet: 1000, margin: 0 },
    },
    {
      name: "idle below the cap is not raised to it",
      tariff: tariff({ idleFee: "0.10", idleGraceMinutes: 30, idleFeeCap: 1000 }),
      usage: usage({ idleSeconds: 32 * 60 }),
      cost: { costStartFee: 0, costEnergy: 0, costTime: 0, costIdle: 20, costNet: 20, margin: 0 },
    },
    {
      name: "idle fee with 4 decimals rounds after multiplying: 3 × 0.0125 = 3.75 c",
      tariff: tariff({ idleFee: "0.0125" }),
      usage: usage({ idleSeconds: 3 * 60 + 59 }),
      cost: { costStartFee: 0, costEnergy: 0, costTime: 0, costIdle: 4, costNet: 4, margin: 0 },
    },
    {
      name: "zero-decimal currency (JPY)",
      tariff: tariff({ currency: "JPY", startFee: "100", energyPrice: "35.5" }),
      usage: usage({ energyWh: 12_345 }),
      cost: { costStartFee: 100, costEnergy: 438, costTime: 0, costIdle: 0, costNet: 538, margin: 0 },
    },
    {
      name: "three-decimal currency (KWD)",
      tariff: tariff({ currency: "KWD", energyPrice: "0.0305" }),
      usage: usage({ energyWh: 12_345 }),
      cost: { costStartFee: 0, costEnergy: 377, costTime: 0, costIdle: 0, costNet: 377, margin: 0 },
    },
  ])("$name", ({ tariff, usage, cost }) => {
    expect(priceSession(tariff, usage)).toEqual(cost);
  });

  it.each([
    ["negative energy", free, usage({ energyWh: -1 })],
    ["fractional energy", free, usage({ energyWh: 1.5 })],
    ["NaN seconds", free, usage({ chargingSeconds: Number.NaN })],
    ["negative idle", free, usage({ idleSeconds: -60 })],
    ["price with 5 decimals", tariff({ energyPrice: "0.12345" }), usage({})],
    ["negative price", tariff({ startFee: "-1.00" }), usage({})],
    ["float price", { ...free, energyPrice: 0.35 as unknown as string }, usage({})],
    ["invalid VAT rate", tariff({ vatRate: "21%" }), usage({})],
    ["invalid currency", tariff({ currency: "eur" }), usage({})],
    ["negative idle cap", tariff({ idleFeeCap: -1 }), usage({})],
    ["fractional idle cap", tariff({ idleFeeCap: 10.5 }), usage({})],
    ["negative grace", tariff({ idleGraceMinutes: -1 }), usage({})],
  ])("rejects %s", (_name, tariff, usage) => {
    expect(() => priceSession(tariff, usage)).toThrow(expect.objectContaining({ code: "validation_failed" }));
  });
});

describe("billableIdleMinutes", () => {
  it.each([
    [0, 0, 0],
    [59, 0, 0],
    [60, 0, 1],
    [3599, 10, 49],
    [600, 10, 0],
    [599, 10, 0],
    [Number.MAX_SAFE_INTEGER, 0, 150_119_987_579_016],
  ])("%i s with %i grace → %i min", (seconds, grace, minutes) => {
    expect(billableIdleMinutes(seconds, grace)).toBe(minutes);
  });
});
