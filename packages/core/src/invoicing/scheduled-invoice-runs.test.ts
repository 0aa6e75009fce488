import { describe, expect, it } from "vitest";
import { dueInvoicePeriod } from "./scheduled-invoice-runs";

describe("the scheduled run's due period (W3 step 1)", () => {
  it.each([
    ["2026-11-15T00:59:59Z", 15, "2026-09"], // 01:59 Amsterdam: October not yet due
    ["2026-11-15T01:00:00Z", 15, "2026-10"], // 02:00 Amsterdam
    ["2026-11-30T12:00:00Z", 15, "2026-10"],
    ["2026-12-01T00:00:00Z", 15, "2026-10"], // 1 December local, before the 15th
    ["2026-11-01T01:00:00Z", 1, "2026-10"], // run day 1, 02:00 local
    ["2027-01-20T10:00:00Z", 15, "2026-12"],
  ])("at %s with run day %i → %s", (now, day, period) => {
    expect(dueInvoicePeriod(new Date(now), "Europe/Amsterdam", day)).toBe(period);
  });
});
