import { AppError } from "../errors/app-error";
import type { GridRecord } from "./grid-records";
import { validateGridTree } from "./validate-grid-tree";

/** R24: the tree after a change must be valid (child ≤ parent, no cycles, known parents) or nothing changes. */
export function assertValidGridTree(tree: readonly GridRecord[]): void {
  const issues = validateGridTree(tree);
  if (issues.length === 0) return;
  const names = new Map(tree.map((g) => [g.id, g.name]));
  const text = issues
    .map((i) => `${names.get(i.gridId) ?? i.gridId}: ${i.code.replaceAll("_", " ")}`)
    .join("; ");
  throw new AppError("business_rule", `R24: ${text}`, { rule: "R24", issues });
}
