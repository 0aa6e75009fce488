import type {
  ChargeGroupDto,
  ChargeGroupListQuery,
  CreateChargeGroupInput,
  Page,
  UpdateChargeGroupInput,
} from "@voltlane/contracts";
import { chargeGroups, chargePoints, type Db, tariffExceptions, tariffs } from "@voltlane/db";
import { and, asc, count, eq, ilike, inArray, isNotNull, or, type SQL } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { AppError, businessRule, isUniqueViolation, notFound } from "../errors/app-error";
import { unpublishLocation } from "../locations/manage-locations";
import type { CoreDeps } from "../platform/deps";
import { sortOrder } from "../platform/sort-order";
import { assertCan } from "../policy/can";
import { loadTariff } from "../tariffs/manage-tariffs";
import { validateTariffForGroup } from "../tariffs/validate-tariff-for-group";

export type ChargeGroupRow = typeof chargeGroups.$inferSelect;

export function toChargeGroupDto(g: ChargeGroupRow): ChargeGroupDto {
  return {
    id: g.id,
    code: g.code,
    name: g.name,
    description: g.description,
    type: g.type as ChargeGroupDto["type"],
    tariffId: g.tariffId,
    access: g.access as ChargeGroupDto["access"],
  };
}

export async function loadChargeGroup(db: Db, p: Principal, id: string): Promise<ChargeGroupRow> {
  const [row] = await db
    .select()
    .from(chargeGroups)
    .where(and(eq(chargeGroups.id, id), eq(chargeGroups.providerId, p.providerId)));
  if (!row) throw notFound("charge group");
  return row;
}

/** R23 for a group and every tariff it uses (its own and its exceptions'). */
export async function assertGroupTariffs(
  db: Db,
  group: Pick<ChargeGroupRow, "id" | "type" | "access" | "tariffId">,
  extraTariffId?: string,
) {
  const exceptionIds = db
    .select({ id: tariffExceptions.tariffId })
    .from(tariffExceptions)
    .where(eq(tariffExceptions.chargeGroupId, group.id));
  const ids = [group.tariffId, extraTariffId].filter((x): x is string => !!x);
  const used = await db
    .select({ energyPrice: tariffs.energyPrice })
    .from(tariffs)
    .where(or(ids.length ? inArray(tariffs.id, ids) : undefined, inArray(tariffs.id, exceptionIds)));
  const shape = { type: group.type, access: group.access } as Parameters<typeof validateTariffForGroup>[1];
  if (used.some((t) => !validateTariffForGroup(t, shape).ok)) {
    throw businessRule(
      "R23",
      "an energy price with more than 2 decimals is allowed only in a home group with access attached",
    );
  }
}

function duplicateCode(error: unknown): never {
  if (isUniqueViolation(error, "charge_groups_code_uq"))
    throw new AppError("duplicate", "a charge group with this code exists");
  throw error;
}

export async function createChargeGroup(
  deps: CoreDeps,
  p: Principal,
  input: CreateChargeGroupInput,
): Promise<ChargeGroupDto> {
  assertCan(p, "charge_groups", "write");
  return deps.db.transaction(async (tx) => {
    if (input.tariffId) await loadTariff(tx, p, input.tariffId);
    const [row] = await tx
      .insert(chargeGroups)
      .values({ providerId: p.providerId, ...input })
      .returning()
      .catch(duplicateCode);
    await assertGroupTariffs(tx, row!);
    await recordAudit(tx, p, {
      action: "charge_group.create",
      entityType: "charge_group",
      entityId: row!.id,
      after: row,
    });
    return toChargeGroupDto(row!);
  });
}

export async function updateChargeGroup(
  deps: CoreDeps,
  p: Principal,
  id: string,
  input: UpdateChargeGroupInput,
): Promise<ChargeGroupDto> {
  assertCan(p, "charge_groups", "write");
  return deps.db.transaction(async (tx) => {
    const before = await loadChargeGroup(tx, p, id);
    if (input.tariffId) await loadTariff(tx, p, input.tariffId);
    const [after] = await tx
      .update(chargeGroups)
      .set({ ...input, updatedAt: deps.clock.now() })
      .where(eq(chargeGroups.id, id))
      .returning()
      .catch(duplicateCode);
    await assertGroupTariffs(tx, after!);
    if (after!.type === "home") await unpublishGroupLocations(tx, p, id, deps.clock.now());
    await recordAudit(tx, p, {
      action: "charge_group.update",
      entityType: "charge_group",
      entityId: id,
      before,
      after,
    });
    return toChargeGroupDto(after!);
  });
}

/** R20: a home group's chargers stand at unpublished locations. */
async function unpublishGroupLocations(db: Db, p: Principal, groupId: string, at: Date) {
  const rows = await db
    .selectDistinct({ locationId: chargePoints.locationId })
    .from(chargePoints)
    .where(and(eq(chargePoints.chargeGroupId, groupId), isNotNull(chargePoints.locationId)));
  for (const r of rows) await unpublishLocation(db, p, r.locationId!, at);
}

export async function deleteChargeGroup(deps: CoreDeps, p: Principal, id: string): Promise<void> {
  assertCan(p, "charge_groups", "write");
  await deps.db.transaction(async (tx) => {
    const before = await loadChargeGroup(tx, p, id);
    const [used] = await tx
      .select({ n: count() })
      .from(chargePoints)
      .where(eq(chargePoints.chargeGroupId, id));
    if ((used?.n ?? 0) > 0) throw businessRule("R16", "the charge group still has charge points");
    await tx.delete(tariffExceptions).where(eq(tariffExceptions.chargeGroupId, id));
    await tx.delete(chargeGroups).where(eq(chargeGroups.id, id));
    await recordAudit(tx, p, {
      action: "charge_group.delete",
      entityType: "charge_group",
      entityId: id,
      before,
    });
  });
}

const chargeGroupSortColumns = {
  code: chargeGroups.code,
  name: chargeGroups.name,
  type: chargeGroups.type,
  access: chargeGroups.access,
};

export async function listChargeGroups(
  deps: CoreDeps,
  p: Principal,
  query: ChargeGroupListQuery,
): Promise<Page<ChargeGroupDto>> {
  assertCan(p, "charge_groups", "read");
  const where: SQL[] = [eq(chargeGroups.providerId, p.providerId)];
  if (query.q)
    where.push(or(ilike(chargeGroups.name, `%${query.q}%`), ilike(chargeGroups.code, `%${query.q}%`))!);
  if (query.type) where.push(eq(chargeGroups.type, query.type));
  const [rows, [total]] = await Promise.all([
    deps.db
      .select()
      .from(chargeGroups)
      .where(and(...where))
      .orderBy(
        ...sortOrder(query, chargeGroupSortColumns, chargeGroups.id, [
          asc(chargeGroups.code),
          asc(chargeGroups.id),
        ]),
      )
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    deps.db
      .select({ n: count() })
      .from(chargeGroups)
      .where(and(...where)),
  ]);
  return {
    items: rows.map(toChargeGroupDto),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
