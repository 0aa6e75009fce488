import { describe, expect, it } from "vitest";
import { type ConnectionEvent, measureUptime } from "./charge-point-stats";

const from = new Date("2026-10-01T00:00:00Z");
const to = new Date("2026-10-31T00:00:00Z"); // 30 days
const at = (iso: string) => new Date(iso);
const on = (iso: string): ConnectionEvent => ({ online: true, at: at(iso) });
const off = (iso: string): ConnectionEvent => ({ online: false, at: at(iso) });
const day = 86_400;

describe("measureUptime", () => {
  it.each([
    ["no history at all", null, [], 0, 0],
    ["online since before the window, never dropped", on("2026-09-01T00:00:00Z"), [], 30 * day, 30 * day],
    ["offline since before the window", off("2026-09-01T00:00:00Z"), [], 0, 30 * day],
    [
      "one day offline in the middle",
      on("2026-09-01T00:00:00Z"),
      [off("2026-10-10T00:00:00Z"), on("2026-10-11T00:00:00Z")],
      29 * day,
      30 * day,
    ],
    [
      "history starts inside the window: measured from the first change",
      null,
      [on("2026-10-21T00:00:00Z"), off("2026-10-26T00:00:00Z")],
      5 * day,
      10 * day,
    ],
    [
      "a repeated state change counts once",
      on("2026-09-30T00:00:00Z"),
      [on("2026-10-05T00:00:00Z"), off("2026-10-30T00:00:00Z")],
      29 * day,
      30 * day,
    ],
  ])("%s", (_name, before, events, onlineSeconds, measuredSeconds) => {
    const result = measureUptime(before, events, from, to);
    expect(result.onlineSeconds).toBe(onlineSeconds);
    expect(result.measuredSeconds).toBe(measuredSeconds);
  });

  it("ignores events outside the window", () => {
    const result = measureUptime(on("2026-09-01T00:00:00Z"), [off("2026-11-02T00:00:00Z")], from, to);
    expect(result).toEqual({ onlineSeconds: 30 * day, measuredSeconds: 30 * day, since: from });
  });
});
