import type {
  CreateLocationInput,
  LocationDto,
  LocationListQuery,
  Page,
  UpdateLocationInput,
} from "@voltlane/contracts";
import { chargeGroups, chargePoints, type Db, locations } from "@voltlane/db";
import { and, count, eq, ilike, type SQL } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { businessRule, notFound } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { assertCan } from "../policy/can";

type LocationRow = typeof locations.$inferSelect;

// Locations have no row of their own in the §2 matrix: they are managed with the charge points.
const capability = "charge_points";

export function toLocationDto(l: LocationRow): LocationDto {
  return {
    id: l.id,
    name: l.name,
    address: (l.address ?? {}) as Record<string, string>,
    lat: l.lat,
    lng: l.lng,
    publish: l.publish,
  };
}

export async function loadLocation(db: Db, p: Principal, id: string): Promise<LocationRow> {
  const [row] = await db
    .select()
    .from(locations)
    .where(and(eq(locations.id, id), eq(locations.providerId, p.providerId)));
  if (!row) throw notFound("location");
  return row;
}

/** R20: does a charger of a home group stand at this location? */
export async function hostsHomeCharger(db: Db, locationId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(chargePoints)
    .innerJoin(chargeGroups, eq(chargeGroups.id, chargePoints.chargeGroupId))
    .where(and(eq(chargePoints.locationId, locationId), eq(chargeGroups.type, "home")));
  return (row?.n ?? 0) > 0;
}

export async function createLocation(
  deps: CoreDeps,
  p: Principal,
  input: CreateLocationInput,
): Promise<LocationDto> {
  assertCan(p, capability, "write");
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(locations)
      .values({ providerId: p.providerId, ...input })
      .returning();
    await recordAudit(tx, p, {
      action: "location.create",
      entityType: "location",
      entityId: row!.id,
      after: row,
    });
    return toLocationDto(row!);
  });
}

export async function updateLocation(
  deps: CoreDeps,
  p: Principal,
  id: string,
  input: UpdateLocationInput,
): Promise<LocationDto> {
  assertCan(p, capability, "write");
  return deps.db.transaction(async (tx) => {
    const before = await loadLocation(tx, p, id);
    if (input.publish && (await hostsHomeCharger(tx, id))) {
      throw businessRule("R20", "locations of home-group chargers are never published");
    }
    const [after] = await tx
      .update(locations)
      .set({ ...input, updatedAt: deps.clock.now() })
      .where(eq(locations.id, id))
      .returning();
    await recordAudit(tx, p, {
      action: "location.update",
      entityType: "location",
      entityId: id,
      before,
      after,
    });
    return toLocationDto(after!);
  });
}

/** R20, when a charger joins a home group: its location goes off the public map. */
export async function unpublishLocation(db: Db, p: Principal, id: string, at: Date): Promise<void> {
  const [before] = await db.select().from(locations).where(eq(locations.id, id));
  if (!before?.publish) return;
  await db.update(locations).set({ publish: false, updatedAt: at }).where(eq(locations.id, id));
  await recordAudit(db, p, {
    action: "location.unpublish",
    entityType: "location",
    entityId: id,
    before,
    after: { publish: false },
  });
}

export async function deleteLocation(deps: CoreDeps, p: Principal, id: string): Promise<void> {
  assertCan(p, capability, "write");
  await deps.db.transaction(async (tx) => {
    const before = await loadLocation(tx, p, id);
    const [used] = await tx.select({ n: count() }).from(chargePoints).where(eq(chargePoints.locationId, id));
    if ((used?.n ?? 0) > 0) throw businessRule("R16", "the location still has charge points");
    await tx.delete(locations).where(eq(locations.id, id));
    await recordAudit(tx, p, { action: "location.delete", entityType: "location", entityId: id, before });
  });
}

export async function getLocation(deps: CoreDeps, p: Principal, id: string): Promise<LocationDto> {
  assertCan(p, capability, "read");
  return toLocationDto(await loadLocation(deps.db, p, id));
}

export async function listLocations(
  deps: CoreDeps,
  p: Principal,
  query: LocationListQuery,
): Promise<Page<LocationDto>> {
  assertCan(p, capability, "read");
  const where: SQL[] = [eq(locations.providerId, p.providerId)];
  if (query.q) where.push(ilike(locations.name, `%${query.q}%`));
  const [rows, [total]] = await Promise.all([
    deps.db
      .select()
      .from(locations)
      .where(and(...where))
      .orderBy(locations.name)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    deps.db
      .select({ n: count() })
      .from(locations)
      .where(and(...where)),
  ]);
  return { items: rows.map(toLocationDto), total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}
