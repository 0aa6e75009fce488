import { describe, expect, it } from "vitest";
import { allocateLoad } from "./allocate-load";
import { grid, session, sessions } from "./allocate-load.fixtures";
import type { LoadGrid, LoadSession } from "./allocate-load.types";

/** Session id → limit in A, "paused" for paused sessions. */
function limits(grids: LoadGrid[], list: LoadSession[]): Record<string, number | "paused"> {
  const { allocations } = allocateLoad({ grids, sessions: list });
  return Object.fromEntries(allocations.map((a) => [a.sessionId, a.paused ? "paused" : a.limitA]));
}

const g32 = [grid("g", 32)];
const nested = [grid("root", 63), grid("child", 16, { parentId: "root" })];

describe("allocateLoad hand cases (R24)", () => {
  it.each<[string, LoadGrid[], LoadSession[], Record<string, number | "paused">]>([
    ["acceptance: four 3-phase cars share 32 A", g32, sessions(4, "g"), { s1: 8, s2: 8, s3: 8, s4: 8 }],
    // 5 × 6 A = 30 A fits in 32 A, so nobody pauses; the sixth car would push the minimums to 36 A.
    [
      "five cars on 32 A still fit 6 A each",
      g32,
      sessions(5, "g"),
      { s1: 6.4, s2: 6.4, s3: 6.4, s4: 6.4, s5: 6.4 },
    ],
    [
      "six cars on 32 A: the latest arrival pauses",
      g32,
      sessions(6, "g"),
      { s1: 6.4, s2: 6.4, s3: 6.4, s4: 6.4, s5: 6.4, s6: "paused" },
    ],
    [
      "five cars on 28 A: one pauses",
      [grid("g", 28)],
      sessions(5, "g"),
      { s1: 7, s2: 7, s3: 7, s4: 7, s5: "paused" },
    ],
    [
      "lowest priority pauses first, even when it came first",
      [grid("g", 28)],
      [session("early", "g", 0), ...sessions(4, "g", { priority: 2 })],
      { early: "paused", s1: 7, s2: 7, s3: 7, s4: 7 },
    ],
    [
      "a car drawing 4 A keeps the 6 A minimum and gives its spare away",
      g32,
      [session("slow", "g", 0, { measuredCurrentA: 4 }), ...sessions(2, "g")],
      { slow: 6, s1: 13, s2: 13 },
    ],
    [
      "a car drawing 8 A keeps 9 A (measured + 1 A)",
      g32,
      [session("slow", "g", 0, { measuredCurrentA: 8 }), ...sessions(2, "g")],
      { slow: 9, s1: 11.5, s2: 11.5 },
    ],
    [
      "a car drawing within 1 A of its share is not capped",
      g32,
      [session("busy", "g", 0, { measuredCurrentA: 10 }), ...sessions(2, "g")],
      { busy: 10.7, s1: 10.7, s2: 10.6 },
    ],
    [
      "a car drawing all it was offered may ramp up",
      g32,
      [session("ramp", "g", 0, { measuredCurrentA: 8, offeredCurrentA: 8 }), ...sessions(2, "g")],
      { ramp: 10.7, s1: 10.7, s2: 10.6 },
    ],
    [
      "a car held at its minimum gets leftovers only after the rising cars",
      [grid("g", 10)],
      [session("a", "g", 0, { phases: 1 }), session("b", "g", 1, { phases: 1, minCurrentA: 0, priority: 3 })],
      { a: 6, b: 4 },
    ],
    [
      "priority 2 gets twice the share",
      g32,
      [session("vip", "g", 0, { priority: 2 }), session("std", "g", 1)],
      { vip: 21.3, std: 10.7 },
    ],
    [
      "priority 2 among three",
      g32,
      [session("vip", "g", 5, { priority: 2 }), ...sessions(2, "g")],
      { vip: 16, s1: 8, s2: 8 },
    ],
    [
      "the child limit binds; the root shares the rest up to each charger's max",
      nested,
      [...sessions(2, "child"), session("r1", "root", 0), session("r2", "root", 1)],
      { s1: 8, s2: 8, r1: 23.5, r2: 23.5 },
    ],
    [
      "a full sub-grid pauses only its own cars",
      [grid("root", 63), grid("child", 10, { parentId: "root" })],
      [...sessions(2, "child"), session("r1", "root", 9)],
      { s1: 10, s2: "paused", r1: 32 },
    ],
    [
      "the charger's max caps a car; the others take the rest",
      g32,
      [session("small", "g", 0, { maxCurrentA: 10 }), ...sessions(1, "g")],
      { small: 10, s1: 22 },
    ],
    [
      "a charger below the minimum pauses",
      g32,
      [session("tiny", "g", 0, { maxCurrentA: 5 })],
      { tiny: "paused" },
    ],
    ["a grid at 0 A pauses everyone", [grid("g", 0)], sessions(2, "g"), { s1: "paused", s2: "paused" }],
    [
      "a custom minimum is kept",
      [grid("g", 15)],
      sessions(2, "g", { minCurrentA: 8 }),
      { s1: 15, s2: "paused" },
    ],
    ["limits are floored to 0.1 A", [grid("g", 32.09)], sessions(3, "g"), { s1: 10.7, s2: 10.7, s3: 10.6 }],
    [
      "1-phase cars on different lines do not compete",
      [grid("g", 16)],
      [
        session("a", "g", 0, { phases: 1, phaseMap: "L1" }),
        session("b", "g", 1, { phases: 1, phaseMap: "L1" }),
        session("c", "g", 2, { phases: 1, phaseMap: "L2" }),
      ],
      { a: 8, b: 8, c: 16 },
    ],
    [
      "a 3-phase car shares L1 with a 1-phase car",
      [grid("g", 16)],
      [session("three", "g", 0), session("one", "g", 1, { phases: 1 })],
      { three: 8, one: 8 },
    ],
    [
      "a single-phase grid's one conductor carries every car beneath it",
      [grid("root", 32), grid("single", 16, { parentId: "root", phases: 1 })],
      [session("three", "single", 0), session("one", "single", 1, { phases: 1, phaseMap: "L2" })],
      { three: 8, one: 8 },
    ],
  ])("%s", (_, grids, list, expected) => {
    expect(limits(grids, list)).toEqual(expected);
  });

  it("reports the load per line of every grid and ancestor", () => {
    const grids = [grid("root", 63), grid("child", 16, { parentId: "root" })];
    const list = [session("a", "child", 0, { phases: 1, phaseMap: "L2" }), session("b", "root", 1)];
    expect(allocateLoad({ grids, sessions: list }).gridLoads).toEqual([
      { gridId: "root", phaseLoads: [32, 48, 32] },
      { gridId: "child", phaseLoads: [0, 16, 0] },
    ]);
  });

  it("does not depend on input order", () => {
    const list = [
      session("vip", "child", 3, { priority: 2 }),
      ...sessions(5, "root"),
      ...sessions(3, "child"),
    ];
    const unique = list.map((s, i) => ({ ...s, sessionId: `${s.sessionId}-${i}` }));
    const forward = limits(nested, unique);
    expect(limits([...nested].reverse(), [...unique].reverse())).toEqual(forward);
  });

  it.each<[string, LoadGrid[], LoadSession[]]>([
    ["an unknown grid", g32, [session("a", "nowhere")]],
    ["a duplicate session", g32, [session("a", "g"), session("a", "g")]],
    ["a priority below 1", g32, [session("a", "g", 0, { priority: 0.5 })]],
    ["a negative limit", [grid("g", -1)], [session("a", "g")]],
    ["a cycle", [grid("a", 32, { parentId: "b" }), grid("b", 32, { parentId: "a" })], [session("s", "a")]],
  ])("refuses %s", (_, grids, list) => {
    expect(() => allocateLoad({ grids, sessions: list })).toThrow(RangeError);
  });
});
