import type { StationOverview } from "@voltlane/contracts";
import { chargePoints, connectors, type Db } from "@voltlane/db";
import { and, asc, eq, gt, inArray, ne } from "drizzle-orm";

/** The customer's own charge points (it is the receiver) with live connector status; retired ones left out (R19). */
export async function stationOverview(
  db: Db,
  providerId: string,
  customerId: string,
): Promise<StationOverview[]> {
  const stations = await db
    .select({
      id: chargePoints.id,
      name: chargePoints.name,
      online: chargePoints.online,
      activation: chargePoints.activation,
      lastSeenAt: chargePoints.lastSeenAt,
    })
    .from(chargePoints)
    .where(
      and(
        eq(chargePoints.providerId, providerId),
        eq(chargePoints.ownerCustomerId, customerId),
        ne(chargePoints.activation, "retired"),
      ),
    )
    .orderBy(asc(chargePoints.name), asc(chargePoints.id));
  if (stations.length === 0) return [];
  const outlets = await db
    .select({
      chargePointId: connectors.chargePointId,
      connectorId: connectors.connectorId,
      status: connectors.status,
      statusSince: connectors.statusSince,
    })
    .from(connectors)
    .where(
      and(
        inArray(
          connectors.chargePointId,
          stations.map((s) => s.id),
        ),
        gt(connectors.connectorId, 0),
      ),
    )
    .orderBy(asc(connectors.connectorId));
  return stations.map((station) => ({
    ...station,
    connectors: outlets
      .filter((o) => o.chargePointId === station.id)
      .map(({ connectorId, status, statusSince }) => ({ connectorId, status, statusSince })),
  }));
}
