import type { GridView } from "@voltlane/contracts";
import { chargePoints } from "@voltlane/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { AppError, notFound } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { signalGridChange } from "../smart-charging/grid-change-signal";
import { assertGridWriter } from "./grid-access";
import { getGrid } from "./list-grids";
import { lockGrid } from "./manage-grids";

/** R24: a charge point is in at most one grid; joining another grid while in one answers 409. */
export async function addChargePointToGrid(
  deps: CoreDeps,
  p: Principal,
  gridId: string,
  chargePointId: string,
): Promise<GridView> {
  assertGridWriter(p);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await lockGrid(tx, p.providerId, gridId);
    const cp = await lockChargePoint(tx, p.providerId, chargePointId);
    if (cp.gridId === gridId) return;
    if (cp.gridId !== null) {
      throw new AppError("conflict", "the charge point is already in another grid; remove it there first", {
        rule: "R24",
        gridId: cp.gridId,
      });
    }
    await tx.update(chargePoints).set({ gridId, updatedAt: at }).where(eq(chargePoints.id, cp.id));
    await recordAudit(tx, p, {
      action: "grid.charge_point.add",
      entityType: "charge_point",
      entityId: cp.id,
      before: { gridId: null },
      after: { gridId },
      at,
    });
  });
  signalGridChange(deps, { providerId: p.providerId });
  return getGrid(deps, p, gridId);
}

/** The charge point leaves the grid; smart charging clears the profiles it sent there. */
export async function removeChargePointFromGrid(
  deps: CoreDeps,
  p: Principal,
  gridId: string,
  chargePointId: string,
): Promise<GridView> {
  assertGridWriter(p);
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await lockGrid(tx, p.providerId, gridId);
    const cp = await lockChargePoint(tx, p.providerId, chargePointId);
    if (cp.gridId !== gridId) throw notFound("charge point in this grid");
    await tx.update(chargePoints).set({ gridId: null, updatedAt: at }).where(eq(chargePoints.id, cp.id));
    await recordAudit(tx, p, {
      action: "grid.charge_point.remove",
      entityType: "charge_point",
      entityId: cp.id,
      before: { gridId },
      after: { gridId: null },
      at,
    });
  });
  signalGridChange(deps, { providerId: p.providerId, releasedChargePointIds: [chargePointId] });
  return getGrid(deps, p, gridId);
}

async function lockChargePoint(tx: CoreDeps["db"], providerId: string, id: string) {
  const [row] = await tx
    .select({ id: chargePoints.id, gridId: chargePoints.gridId })
    .from(chargePoints)
    .where(and(eq(chargePoints.id, id), eq(chargePoints.providerId, providerId)))
    .for("update");
  if (!row) throw notFound("charge point");
  return row;
}
