import { describe, expect, it } from "vitest";
import { addDays, localDate, periodBounds, periodOf, shiftPeriod, zonedTime } from "./period";

describe("periods in the provider's time zone", () => {
  it.each([
    ["2026-10", "Europe/Amsterdam", "2026-09-30T22:00:00.000Z", "2026-10-31T23:00:00.000Z"],
    ["2026-03", "Europe/Amsterdam", "2026-02-28T23:00:00.000Z", "2026-03-31T22:00:00.000Z"],
    ["2026-12", "UTC", "2026-12-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"],
    ["2026-10", "America/New_York", "2026-10-01T04:00:00.000Z", "2026-11-01T04:00:00.000Z"],
  ])("%s in %s spans [%s, %s)", (period, zone, start, end) => {
    const bounds = periodBounds(period, zone);
    expect(bounds.start.toISOString()).toBe(start);
    expect(bounds.end.toISOString()).toBe(end);
  });

  it("places instants and dates locally", () => {
    expect(periodOf(new Date("2026-10-31T23:30:00Z"), "Europe/Amsterdam")).toBe("2026-11");
    expect(localDate(new Date("2026-10-31T22:30:00Z"), "Europe/Amsterdam")).toBe("2026-10-31");
    expect(zonedTime("Europe/Amsterdam", 2026, 11, 15, 2).toISOString()).toBe("2026-11-15T01:00:00.000Z");
    expect(shiftPeriod("2026-12", 1)).toBe("2027-01");
    expect(shiftPeriod("2026-01", -1)).toBe("2025-12");
    expect(addDays("2026-11-20", 14)).toBe("2026-12-04");
  });
});
