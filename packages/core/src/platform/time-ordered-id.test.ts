import { describe, expect, it } from "vitest";
import { timeOrderedId } from "./time-ordered-id";

describe("time-ordered ids", () => {
  it("are distinct version-7 UUIDs that sort by creation time", async () => {
    const first = Array.from({ length: 10_000 }, timeOrderedId);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const later = timeOrderedId();
    expect(new Set(first).size).toBe(first.length);
    for (const id of [...first, later]) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(first.every((id) => id < later)).toBe(true);
  });
});
