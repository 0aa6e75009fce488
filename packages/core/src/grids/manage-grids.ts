import type { CreateGridInput, GridView, TimeOfUseInput, UpdateGridInput } from "@voltlane/contracts";
import { attachments, chargePoints, type Db, grids, timeOfUseLimits } from "@voltlane/db";
import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { AppError, notFound } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { signalGridChange } from "../smart-charging/grid-change-signal";
import { assertGridWriter } from "./grid-access";
import { loadGridTree, toGridRecord } from "./grid-records";
import { assertValidGridTree } from "./grid-tree-check";
import { getGrid } from "./list-grids";

async function replaceWindows(tx: Db, providerId: string, gridId: string, windows: TimeOfUseInput[]) {
  await tx.delete(timeOfUseLimits).where(eq(timeOfUseLimits.gridId, gridId));
  if (windows.length === 0) return;
  await tx
    .insert(timeOfUseLimits)
    .values(windows.map((w) => ({ providerId, gridId, ...w, maxCurrentA: String(w.maxCurrentA) })));
}

/** Creates a grid; R24 checks the tree with the new node in it. */
export async function createGrid(deps: CoreDeps, p: Principal, input: CreateGridInput): Promise<GridView> {
  assertGridWriter(p);
  const id = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(grids)
      .values({
        providerId: p.providerId,
        name: input.name,
        parentId: input.parentId ?? null,
        phases: input.phases,
        maxCurrentA: String(input.maxCurrent),
        ...(input.minCurrentPerVehicleA === undefined
          ? {}
          : { minCurrentPerVehicleA: String(input.minCurrentPerVehicleA) }),
      })
      .returning();
    await replaceWindows(tx, p.providerId, row!.id, input.timeOfUse);
    assertValidGridTree(await loadGridTree(tx, p.providerId));
    await recordAudit(tx, p, {
      action: "grid.create",
      entityType: "grid",
      entityId: row!.id,
      after: { ...input },
    });
    return row!.id;
  });
  return getGrid(deps, p, id);
}

/** Edits a grid; limits and the parent are re-checked over the whole tree (R24), then re-balanced. */
export async function updateGrid(
  deps: CoreDeps,
  p: Principal,
  id: string,
  input: UpdateGridInput,
): Promise<GridView> {
  assertGridWriter(p);
  await deps.db.transaction(async (tx) => {
    const before = await lockGrid(tx, p.providerId, id);
    const after = await tx
      .update(grids)
      .set({
        ...(input.name === undefined ? {} : { name: input.name }),
        ...(input.maxCurrent === undefined ? {} : { maxCurrentA: String(input.maxCurrent) }),
        ...(input.parentId === undefined ? {} : { parentId: input.parentId }),
        ...(input.phases === undefined ? {} : { phases: input.phases }),
        ...(input.minCurrentPerVehicleA === undefined
          ? {}
          : { minCurrentPerVehicleA: String(input.minCurrentPerVehicleA) }),
        updatedAt: deps.clock.now(),
      })
      .where(eq(grids.id, id))
      .returning();
    if (input.timeOfUse) await replaceWindows(tx, p.providerId, id, input.timeOfUse);
    assertValidGridTree(await loadGridTree(tx, p.providerId));
    await recordAudit(tx, p, {
      action: "grid.update",
      entityType: "grid",
      entityId: id,
      before: toGridRecord(before, []),
      after: { ...toGridRecord(after[0]!, []), timeOfUse: input.timeOfUse },
    });
  });
  signalGridChange(deps, { providerId: p.providerId });
  return getGrid(deps, p, id);
}

/**
 * Removes a grid without children: its charge points leave it (their profiles are cleared by smart
 * charging) and its customer links end (R9: attachments are never deleted).
 */
export async function deleteGrid(deps: CoreDeps, p: Principal, id: string): Promise<void> {
  assertGridWriter(p);
  const at = deps.clock.now();
  const released = await deps.db.transaction(async (tx) => {
    const before = await lockGrid(tx, p.providerId, id);
    const [child] = await tx.select({ id: grids.id }).from(grids).where(eq(grids.parentId, id)).limit(1);
    if (child)
      throw new AppError("business_rule", "R24: remove or move the grid's children first", { rule: "R24" });
    const members = await tx
      .update(chargePoints)
      .set({ gridId: null, updatedAt: at })
      .where(and(eq(chargePoints.providerId, p.providerId), eq(chargePoints.gridId, id)))
      .returning({ id: chargePoints.id });
    await tx
      .update(attachments)
      .set({ validTo: at })
      .where(
        and(eq(attachments.assetType, "grid"), eq(attachments.assetId, id), isNull(attachments.validTo)),
      );
    await tx.delete(grids).where(eq(grids.id, id));
    await recordAudit(tx, p, { action: "grid.delete", entityType: "grid", entityId: id, before, at });
    return members.map((m) => m.id);
  });
  signalGridChange(deps, { providerId: p.providerId, releasedChargePointIds: released });
}

export async function lockGrid(tx: Db, providerId: string, id: string) {
  const [row] = await tx
    .select()
    .from(grids)
    .where(and(eq(grids.id, id), eq(grids.providerId, providerId)))
    .for("update");
  if (!row) throw notFound("grid");
  return row;
}
