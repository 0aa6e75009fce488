import { describe, expect, it } from "vitest";
import { fetchAllRows } from "./fetch-all-rows";

/** A list endpoint over `total` numbered rows that records the pages asked for. */
function fakeList(total: number) {
  const asked: [number, number][] = [];
  const load = async (page: number, pageSize: number) => {
    asked.push([page, pageSize]);
    const start = (page - 1) * pageSize;
    const items = Array.from({ length: Math.max(0, Math.min(pageSize, total - start)) }, (_, i) => start + i);
    return { items, total, page, pageSize };
  };
  return { load, asked };
}

describe("fetchAllRows", () => {
  it("fetches every page of 500 until a short page, in order", async () => {
    const list = fakeList(1_234);
    const all = await fetchAllRows(list.load);
    expect(all.rows).toEqual(Array.from({ length: 1_234 }, (_, i) => i));
    expect(all).toMatchObject({ total: 1_234, capped: false });
    expect(list.asked).toEqual([
      [1, 500],
      [2, 500],
      [3, 500],
    ]);
  });

  it("asks one more page when the last one is exactly full", async () => {
    const list = fakeList(1_000);
    expect((await fetchAllRows(list.load)).rows).toHaveLength(1_000);
    expect(list.asked.map(([page]) => page)).toEqual([1, 2, 3]);
  });

  it("stops at the cap and says so", async () => {
    const list = fakeList(5_000);
    const all = await fetchAllRows(list.load, 1_200);
    expect(all.rows).toHaveLength(1_200);
    expect(all).toMatchObject({ total: 5_000, capped: true });
    expect(list.asked).toHaveLength(3);
  });

  it("handles an empty list", async () => {
    expect(await fetchAllRows(fakeList(0).load)).toEqual({ rows: [], total: 0, capped: false });
  });
});
