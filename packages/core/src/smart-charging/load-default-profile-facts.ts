import { chargePoints, connectors, type Db, defaultProfileStates } from "@voltlane/db";
import { and, eq, gte, inArray } from "drizzle-orm";

/** A connector of a grid member, as the TxDefaultProfile planner sees it. */
export type ConnectorFact = {
  chargePointId: string;
  connectorId: number;
  gridId: string;
  maxCurrentA: number;
  rejectsProfiles: boolean;
  /** A boot after the last default was sent means the charger may have lost it. */
  lastBootAt: Date | null;
};
export type DefaultStateFact = typeof defaultProfileStates.$inferSelect;

type Member = { id: string; gridId: string | null; maxCurrentA: number | null; rejected: boolean | null };

/** The connectors (≥ 1) of the provider's grid members, and the defaults last sent (R4: one provider). */
export async function loadDefaultProfileFacts(
  db: Db,
  providerId: string,
  members: readonly Member[],
  defaultMaxA: number,
): Promise<{ connectors: ConnectorFact[]; defaults: DefaultStateFact[] }> {
  const byId = new Map(members.map((m) => [m.id, m]));
  const rows =
    members.length === 0
      ? []
      : await db
          .select({
            chargePointId: connectors.chargePointId,
            connectorId: connectors.connectorId,
            lastBootAt: chargePoints.lastBootAt,
          })
          .from(connectors)
          .innerJoin(chargePoints, eq(chargePoints.id, connectors.chargePointId))
          .where(
            and(
              eq(connectors.providerId, providerId),
              gte(connectors.connectorId, 1),
              inArray(connectors.chargePointId, [...byId.keys()]),
            ),
          );
  const defaults = await db
    .select()
    .from(defaultProfileStates)
    .where(eq(defaultProfileStates.providerId, providerId));
  return {
    connectors: rows.map((r) => {
      const cp = byId.get(r.chargePointId)!;
      return {
        chargePointId: r.chargePointId,
        connectorId: r.connectorId,
        gridId: cp.gridId!,
        maxCurrentA: cp.maxCurrentA ?? defaultMaxA,
        rejectsProfiles: cp.rejected === true,
        lastBootAt: r.lastBootAt,
      };
    }),
    defaults,
  };
}
