import { connectors, type Db } from "@voltlane/db";
import { sql } from "drizzle-orm";

export type ConnectorStatusInput = {
  chargePointId: string;
  providerId: string;
  connectorId: number;
  status: string;
  errorCode?: string | null;
  at: Date;
};

/**
 * W1 step 2: StatusNotifications create connectors (connectorId ≥ 1; 0 is the charger itself and
 * has no row). `statusSince` moves only when the status changes. A notification replayed from the
 * charger's offline queue that is older than the current status never overwrites it (the history
 * keeps it).
 */
export async function recordConnectorStatus(db: Db, input: ConnectorStatusInput): Promise<void> {
  if (input.connectorId < 1) return;
  await db
    .insert(connectors)
    .values({
      chargePointId: input.chargePointId,
      providerId: input.providerId,
      connectorId: input.connectorId,
      status: input.status,
      errorCode: input.errorCode ?? null,
      statusSince: input.at,
    })
    .onConflictDoUpdate({
      target: [connectors.chargePointId, connectors.connectorId],
      set: {
        status: input.status,
        errorCode: input.errorCode ?? null,
        statusSince: sql`case when ${connectors.status} = ${input.status} then ${connectors.statusSince} else ${input.at.toISOString()}::timestamptz end`,
        updatedAt: sql`now()`,
      },
      setWhere: sql`${connectors.statusSince} is null or ${connectors.statusSince} <= ${input.at.toISOString()}::timestamptz`,
    });
}
