import type { ChargePointDto, ChargePointListQuery, Page } from "@voltlane/contracts";
import { chargePoints } from "@voltlane/db";
import { and, asc, count, eq, ilike, or, type SQL } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import type { CoreDeps } from "../platform/deps";
import { sortOrder } from "../platform/sort-order";
import { assertCan } from "../policy/can";
import { toChargePointDto } from "./charge-point-dto";
import { connectorsOf, loadVisibleChargePoint, visibleChargePointsWhere } from "./charge-point-scope";

export async function getChargePoint(deps: CoreDeps, p: Principal, id: string): Promise<ChargePointDto> {
  assertCan(p, "charge_point_details", "read");
  const row = await loadVisibleChargePoint(deps.db, p, id);
  return toChargePointDto(row, await connectorsOf(deps.db, [id]));
}

const sortColumns = {
  id: chargePoints.id,
  name: chargePoints.name,
  online: chargePoints.online,
  lastSeenAt: chargePoints.lastSeenAt,
  createdAt: chargePoints.createdAt,
};

export async function listChargePoints(
  deps: CoreDeps,
  p: Principal,
  query: ChargePointListQuery,
): Promise<Page<ChargePointDto>> {
  assertCan(p, "charge_point_details", "read");
  const where: SQL[] = [visibleChargePointsWhere(p)];
  if (query.q)
    where.push(or(ilike(chargePoints.id, `%${query.q}%`), ilike(chargePoints.name, `%${query.q}%`))!);
  if (query.status) where.push(eq(chargePoints.activation, query.status));
  if (query.online !== undefined) where.push(eq(chargePoints.online, query.online));
  if (query.chargeGroupId) where.push(eq(chargePoints.chargeGroupId, query.chargeGroupId));
  const [rows, [total]] = await Promise.all([
    deps.db
      .select()
      .from(chargePoints)
      .where(and(...where))
      .orderBy(...sortOrder(query, sortColumns, chargePoints.id, [asc(chargePoints.id)]))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    deps.db
      .select({ n: count() })
      .from(chargePoints)
      .where(and(...where)),
  ]);
  const conns = await connectorsOf(
    deps.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) =>
      toChargePointDto(
        r,
        conns.filter((c) => c.chargePointId === r.id),
      ),
    ),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
