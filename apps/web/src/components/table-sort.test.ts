import { describe, expect, it } from "vitest";
import { ariaSort, nextSort, sortParams, sortRows } from "./table-sort";

describe("table sort", () => {
  it("cycles a header through ascending, descending and unsorted", () => {
    const asc = nextSort(null, "name");
    expect(asc).toEqual({ id: "name", dir: "asc" });
    const desc = nextSort(asc, "name");
    expect(desc).toEqual({ id: "name", dir: "desc" });
    expect(nextSort(desc, "name")).toBeNull();
    expect(nextSort(desc, "email")).toEqual({ id: "email", dir: "asc" });
  });

  it("turns the sort into the API's query params, nothing when unsorted", () => {
    expect(sortParams({ id: "energyWh", dir: "desc" })).toEqual({ sort: "energyWh", order: "desc" });
    expect(sortParams(null)).toEqual({});
  });

  it("names the sorted column for assistive technology", () => {
    expect(ariaSort({ id: "name", dir: "asc" }, "name")).toBe("ascending");
    expect(ariaSort({ id: "name", dir: "desc" }, "name")).toBe("descending");
    expect(ariaSort({ id: "name", dir: "desc" }, "email")).toBeUndefined();
  });

  it("sorts all rows of an unpaged table, numbers as numbers, empty values last", () => {
    const rows = [{ v: 10 }, { v: null }, { v: 9 }, { v: 100 }];
    const value = (r: { v: number | null }) => r.v;
    expect(sortRows(rows, value, { id: "v", dir: "asc" }).map((r) => r.v)).toEqual([9, 10, 100, null]);
    expect(sortRows(rows, value, { id: "v", dir: "desc" }).map((r) => r.v)).toEqual([100, 10, 9, null]);
    expect(sortRows(rows, value, null)).toBe(rows);
  });
});
