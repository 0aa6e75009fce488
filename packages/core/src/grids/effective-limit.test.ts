import { describe, expect, it } from "vitest";
import { effectiveLimitA, type GridLimitSource } from "./effective-limit";
import type { TimeOfUseLimit } from "./time-of-use";

const ZONE = "Europe/Amsterdam";
const WEEKDAYS = [1, 2, 3, 4, 5];

function grid(id: string, maxCurrentA: number, extra: Partial<GridLimitSource> = {}): GridLimitSource {
  return { id, parentId: null, maxCurrentA, ...extra };
}

function tou(daysOfWeek: number[], from: string, to: string, maxCurrentA: number): TimeOfUseLimit {
  return { daysOfWeek, from, to, maxCurrentA };
}

describe("effectiveLimitA (R24)", () => {
  const evening = grid("g", 40, { timeOfUseLimits: [tou(WEEKDAYS, "17:00", "21:00", 16)] });
  const night = grid("g", 40, { timeOfUseLimits: [tou([5], "22:00", "06:00", 10)] });
  const sundayNight = grid("g", 40, { timeOfUseLimits: [tou([7], "22:00", "06:00", 10)] });
  const allDay = grid("g", 40, { timeOfUseLimits: [tou([7], "00:00", "00:00", 8)] });
  const untilMidnight = grid("g", 40, { timeOfUseLimits: [tou([1], "20:00", "24:00", 12)] });

  // 2025-01-06 is a Monday; Amsterdam is UTC+1 in winter, UTC+2 from 2025-03-30 01:00 UTC.
  it.each([
    ["no window", grid("g", 40), "2025-01-06T17:30:00Z", 40],
    ["inside a weekday window (18:30 local)", evening, "2025-01-06T17:30:00Z", 16],
    ["end is exclusive (21:00 local)", evening, "2025-01-06T20:00:00Z", 40],
    ["start is inclusive (17:00 local)", evening, "2025-01-06T16:00:00Z", 16],
    ["16:30 UTC is 17:30 local", evening, "2025-01-06T16:30:00Z", 16],
    ["not on Saturday", evening, "2025-01-11T17:30:00Z", 40],
    ["after DST: 18:30 CEST = 16:30 UTC", evening, "2025-03-31T16:30:00Z", 16],
    ["after DST: 19:30 UTC is 21:30 CEST", evening, "2025-03-31T19:30:00Z", 40],
    ["midnight-crossing: Friday 23:00 local", night, "2025-01-10T22:00:00Z", 10],
    ["midnight-crossing: Saturday 03:00 local", night, "2025-01-11T02:00:00Z", 10],
    ["midnight-crossing: ends Saturday 06:00", night, "2025-01-11T05:00:00Z", 40],
    ["midnight-crossing: not Friday 03:00 (started Thursday)", night, "2025-01-10T02:00:00Z", 40],
    ["midnight-crossing from Sunday into Monday", sundayNight, "2025-01-06T02:00:00Z", 10],
    ["from = to is a full day", allDay, "2025-01-12T22:59:00Z", 8],
    ["from = to ends at the next midnight", allDay, "2025-01-12T23:00:00Z", 40],
    ["to 24:00 runs to midnight", untilMidnight, "2025-01-06T22:59:00Z", 12],
    ["to 24:00 ends at midnight", untilMidnight, "2025-01-06T23:00:00Z", 40],
  ])("%s", (_, g, at, expected) => {
    expect(effectiveLimitA(g, [g], new Date(at), ZONE)).toBe(expected);
  });

  it("takes the lowest of overlapping windows", () => {
    const g = grid("g", 40, {
      timeOfUseLimits: [tou(WEEKDAYS, "17:00", "21:00", 20), tou([1], "18:00", "19:00", 14)],
    });
    expect(effectiveLimitA(g, [g], new Date("2025-01-06T17:30:00Z"), ZONE)).toBe(14);
  });

  it.each([
    ["without expiry", null, 10],
    ["before expiry", "2025-01-06T18:00:00Z", 10],
    ["at expiry it has gone", "2025-01-06T17:30:00Z", 40],
  ])("applies an external limit %s", (_, expiresAt, expected) => {
    const g = grid("g", 40, {
      externalLimit: { maxCurrentA: 10, expiresAt: expiresAt === null ? null : new Date(expiresAt) },
    });
    expect(effectiveLimitA(g, [g], new Date("2025-01-06T17:30:00Z"), ZONE)).toBe(expected);
  });

  it("is bounded by every ancestor, including an ancestor's time-of-use limit", () => {
    const root = grid("root", 63, { timeOfUseLimits: [tou(WEEKDAYS, "17:00", "21:00", 25)] });
    const mid = grid("mid", 40, { parentId: "root" });
    const leaf = grid("leaf", 32, { parentId: "mid" });
    const tree = [root, mid, leaf];
    expect(effectiveLimitA(leaf, tree, new Date("2025-01-06T17:30:00Z"), ZONE)).toBe(25);
    expect(effectiveLimitA(leaf, tree, new Date("2025-01-06T12:00:00Z"), ZONE)).toBe(32);
  });

  it("reads the local time of the given zone", () => {
    const g = grid("g", 40, { timeOfUseLimits: [tou(WEEKDAYS, "17:00", "21:00", 16)] });
    expect(effectiveLimitA(g, [g], new Date("2025-01-06T17:30:00Z"), "America/New_York")).toBe(40);
    expect(effectiveLimitA(g, [g], new Date("2025-01-06T22:30:00Z"), "America/New_York")).toBe(16);
  });

  it("refuses a cycle and an unknown parent", () => {
    const a = grid("a", 10, { parentId: "b" });
    const b = grid("b", 10, { parentId: "a" });
    const at = new Date("2025-01-06T12:00:00Z");
    expect(() => effectiveLimitA(a, [a, b], at, ZONE)).toThrow(RangeError);
    expect(() => effectiveLimitA(a, [a], at, ZONE)).toThrow(RangeError);
  });
});
