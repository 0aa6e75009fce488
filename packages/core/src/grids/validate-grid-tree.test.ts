import { describe, expect, it } from "vitest";
import type { GridLimitSource } from "./effective-limit";
import { validateGridTree } from "./validate-grid-tree";

function grid(id: string, parentId: string | null, maxCurrentA: number): GridLimitSource {
  return { id, parentId, maxCurrentA };
}

describe("validateGridTree (R24)", () => {
  it("accepts a forest whose children stay within their parents", () => {
    const grids = [grid("a", null, 63), grid("b", "a", 40), grid("c", "b", 40), grid("d", null, 25)];
    expect(validateGridTree(grids)).toEqual([]);
  });

  it.each([
    ["a child above its parent", [grid("a", null, 32), grid("b", "a", 40)], [["b", "exceeds_parent"]]],
    ["an unknown parent", [grid("a", "x", 32)], [["a", "unknown_parent"]]],
    ["a self-parent", [grid("a", "a", 32)], [["a", "cycle"]]],
    [
      "a cycle (only its members)",
      [grid("a", "b", 32), grid("b", "c", 32), grid("c", "a", 32), grid("d", "a", 16)],
      [
        ["a", "cycle"],
        ["b", "cycle"],
        ["c", "cycle"],
      ],
    ],
    ["a duplicate id", [grid("a", null, 32), grid("a", null, 16)], [["a", "duplicate_id"]]],
    ["a negative limit", [grid("a", null, -1)], [["a", "invalid_limit"]]],
  ])("reports %s", (_, grids, expected) => {
    expect(validateGridTree(grids).map((i) => [i.gridId, i.code])).toEqual(expected);
  });

  it.each([
    [{ daysOfWeek: [0], from: "17:00", to: "21:00", maxCurrentA: 16 }],
    [{ daysOfWeek: [], from: "17:00", to: "21:00", maxCurrentA: 16 }],
    [{ daysOfWeek: [1], from: "24:00", to: "21:00", maxCurrentA: 16 }],
    [{ daysOfWeek: [1], from: "7:00", to: "21:00", maxCurrentA: 16 }],
    [{ daysOfWeek: [1], from: "17:00", to: "21:60", maxCurrentA: 16 }],
    [{ daysOfWeek: [1], from: "17:00", to: "21:00", maxCurrentA: Number.NaN }],
  ])("reports a malformed time-of-use window %j", (window) => {
    const grids = [{ ...grid("a", null, 32), timeOfUseLimits: [window] }];
    expect(validateGridTree(grids)).toEqual([{ gridId: "a", code: "invalid_time_of_use" }]);
  });
});
