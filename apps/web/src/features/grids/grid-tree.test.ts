import type { GridView } from "@voltlane/contracts";
import { describe, expect, it } from "vitest";
import { flattenGridTree } from "./grid-tree";

const grid = (id: string, name: string, parentId: string | null = null) =>
  ({ id, name, parentId }) as GridView;

describe("flattenGridTree", () => {
  it("lists children under their parent, siblings by name, unknown parents at the root", () => {
    const nodes = flattenGridTree([
      grid("c", "Car park B", "root"),
      grid("root", "Site"),
      grid("a", "Car park A", "root"),
      grid("a1", "Row 1", "a"),
      grid("x", "Elsewhere", "not-visible"),
    ]);
    expect(nodes.map((n) => `${n.depth}:${n.grid.id}`)).toEqual(["0:x", "0:root", "1:a", "2:a1", "1:c"]);
  });
});
