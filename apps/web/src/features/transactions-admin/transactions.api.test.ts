import { describe, expect, it } from "vitest";
import { energyPerDay } from "./transactions.api";

describe("energyPerDay", () => {
  it("zero-fills the window, sums per stop day and leaves out older sessions", () => {
    const now = new Date("2026-03-10T12:00:00Z");
    const rows = [
      { startedAt: "2026-03-09T23:00:00Z", stoppedAt: "2026-03-10T01:00:00Z", energyWh: 1500 },
      { startedAt: "2026-03-10T08:00:00Z", stoppedAt: null, energyWh: 250 },
      { startedAt: "2026-03-08T08:00:00Z", stoppedAt: "2026-03-08T09:00:00Z", energyWh: 12_345 },
      { startedAt: "2026-02-01T08:00:00Z", stoppedAt: "2026-02-01T09:00:00Z", energyWh: 99_999 },
    ];
    expect(energyPerDay(rows, 3, now)).toEqual([
      { day: "2026-03-08", kWh: 12.345 },
      { day: "2026-03-09", kWh: 0 },
      { day: "2026-03-10", kWh: 1.75 },
    ]);
  });
});
