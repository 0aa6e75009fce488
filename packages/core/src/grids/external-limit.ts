import type { GridView, SetExternalLimitInput } from "@voltlane/contracts";
import { grids } from "@voltlane/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { AppError } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { signalGridChange } from "../smart-charging/grid-change-signal";
import { assertGridWriter } from "./grid-access";
import { getGrid } from "./list-grids";
import { lockGrid } from "./manage-grids";

/**
 * A capacity signal from outside (a grid operator, an energy manager): lowers the grid's effective
 * limit (R24) until `expiresAt`; the allocation follows at once.
 */
export async function setExternalLimit(
  deps: CoreDeps,
  p: Principal,
  id: string,
  input: SetExternalLimitInput | null,
): Promise<GridView> {
  assertGridWriter(p);
  const now = deps.clock.now();
  const expiresAt = input?.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt <= now) {
    throw new AppError("validation_failed", "expiresAt must lie in the future", [
      { path: "expiresAt", message: "in the past" },
    ]);
  }
  await deps.db.transaction(async (tx) => {
    const before = await lockGrid(tx, p.providerId, id);
    const externalLimitA = input ? String(input.maxCurrentA) : null;
    await tx
      .update(grids)
      .set({ externalLimitA, externalLimitExpiresAt: expiresAt, updatedAt: now })
      .where(eq(grids.id, id));
    await recordAudit(tx, p, {
      action: input ? "grid.external_limit.set" : "grid.external_limit.clear",
      entityType: "grid",
      entityId: id,
      before: { externalLimitA: before.externalLimitA, expiresAt: before.externalLimitExpiresAt },
      after: { externalLimitA, expiresAt },
      at: now,
    });
  });
  signalGridChange(deps, { providerId: p.providerId });
  return getGrid(deps, p, id);
}
