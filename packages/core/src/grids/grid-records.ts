import type { GridView, TimeOfUseInput } from "@voltlane/contracts";
import { chargePoints, type Db, grids, smartChargingFlags, timeOfUseLimits } from "@voltlane/db";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { GridLimitSource } from "./effective-limit";

export type GridRow = typeof grids.$inferSelect;

/** A grid with its numbers parsed and its time-of-use windows; what the rules and views work on. */
export type GridRecord = GridLimitSource & {
  providerId: string;
  name: string;
  phases: 1 | 3;
  minCurrentPerVehicleA: number;
  timeOfUseLimits: TimeOfUseInput[];
  externalLimit: { maxCurrentA: number; expiresAt: Date | null } | null;
};

/** Currents are numeric(8,1) strings: one decimal, well inside a double's exact range. */
export const amps = (value: string) => Number(value);
export const ampsOrNull = (value: string | null) => (value === null ? null : Number(value));

export function toGridRecord(row: GridRow, windows: TimeOfUseInput[]): GridRecord {
  return {
    id: row.id,
    providerId: row.providerId,
    parentId: row.parentId,
    name: row.name,
    phases: row.phases === 1 ? 1 : 3,
    maxCurrentA: amps(row.maxCurrentA),
    minCurrentPerVehicleA: amps(row.minCurrentPerVehicleA),
    timeOfUseLimits: windows,
    externalLimit:
      row.externalLimitA === null
        ? null
        : { maxCurrentA: amps(row.externalLimitA), expiresAt: row.externalLimitExpiresAt },
  };
}

/** Every grid of a provider (R4), with its windows; the whole tree is small enough to load at once. */
export async function loadGridTree(db: Db, providerId: string): Promise<GridRecord[]> {
  const rows = await db.select().from(grids).where(eq(grids.providerId, providerId)).orderBy(asc(grids.name));
  if (rows.length === 0) return [];
  const windows = await db
    .select()
    .from(timeOfUseLimits)
    .where(eq(timeOfUseLimits.providerId, providerId))
    .orderBy(asc(timeOfUseLimits.from));
  return rows.map((row) =>
    toGridRecord(
      row,
      windows
        .filter((w) => w.gridId === row.id)
        .map((w) => ({ daysOfWeek: w.daysOfWeek, from: w.from, to: w.to, maxCurrentA: amps(w.maxCurrentA) })),
    ),
  );
}

/** Member charge points per grid, and those that refused profiles. */
export async function loadGridMembers(db: Db, providerId: string, gridIds: string[]) {
  if (gridIds.length === 0) return { members: new Map<string, string[]>(), rejecting: new Set<string>() };
  const rows = await db
    .select({
      id: chargePoints.id,
      gridId: chargePoints.gridId,
      rejected: smartChargingFlags.profilesRejected,
    })
    .from(chargePoints)
    .leftJoin(smartChargingFlags, eq(smartChargingFlags.chargePointId, chargePoints.id))
    .where(and(eq(chargePoints.providerId, providerId), inArray(chargePoints.gridId, gridIds)))
    .orderBy(asc(chargePoints.id));
  const members = new Map<string, string[]>();
  const rejecting = new Set<string>();
  for (const row of rows) {
    members.set(row.gridId!, [...(members.get(row.gridId!) ?? []), row.id]);
    if (row.rejected) rejecting.add(row.id);
  }
  return { members, rejecting };
}

export function toGridView(
  grid: GridRecord,
  chargePointIds: string[],
  rejecting: ReadonlySet<string>,
): GridView {
  return {
    id: grid.id,
    name: grid.name,
    maxCurrent: grid.maxCurrentA,
    parentId: grid.parentId,
    phases: grid.phases,
    minCurrentPerVehicleA: grid.minCurrentPerVehicleA,
    timeOfUse: grid.timeOfUseLimits,
    externalLimit: grid.externalLimit
      ? {
          maxCurrentA: grid.externalLimit.maxCurrentA,
          expiresAt: grid.externalLimit.expiresAt?.toISOString() ?? null,
        }
      : null,
    chargePointIds,
    rejectingChargePointIds: chargePointIds.filter((id) => rejecting.has(id)),
  };
}
