import { type Db, transactions } from "@voltlane/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import { authorizeIdTag } from "../authorization/authorize-id-tag";
import type { AuthorizationStatus } from "../authorization/decide-authorization";
import type { CoreDeps } from "../platform/deps";
import { nextOcppId } from "./next-ocpp-id";
import { sessionEventsOf } from "./session-events";
import { cardHasActiveSession, chargePointActor } from "./session-lookup";
import { takeSessionSnapshot } from "./take-session-snapshot";

export type StartSessionInput = {
  chargePointId: string;
  connectorId: number;
  idTag: string;
  meterStartWh: number;
  /** The charger's clock; offline-queued starts arrive with past timestamps. */
  startedAt: Date;
  reservationId?: number;
};

export type SessionAuthorization = { status: AuthorizationStatus; expiryDate?: Date };
export type StartSessionResult = {
  ocppTransactionId: number;
  authorization: SessionAuthorization;
  /** True when this start was already recorded (a retried or replayed message). */
  repeated: boolean;
};

/**
 * W2 steps 1–2. R32 decides; the charger always gets a transaction id (OCPP requires one), but a
 * refused card's transaction is `invalid` from the start and the charger stops it. Snapshots of
 * tariff, group and customers are taken now (R33, R34). Idempotent on (charger, connector, idTag,
 * startedAt, meterStart): a repeated StartTransaction gets the same transaction id.
 */
export async function startSession(deps: CoreDeps, input: StartSessionInput): Promise<StartSessionResult> {
  const { db } = deps;
  const actor = await chargePointActor(db, input.chargePointId);
  const existing = await findStart(db, input);
  if (existing) return answer(existing, true);

  const decision = await authorizeIdTag(db, {
    chargePointId: input.chargePointId,
    idTag: input.idTag,
    at: input.startedAt,
    hasActiveSession: (cardId) => cardHasActiveSession(db, cardId),
  });
  const accepted = decision.status === "Accepted";
  const snapshot =
    accepted && decision.card
      ? await takeSessionSnapshot(db, {
          chargePointId: input.chargePointId,
          connectorId: input.connectorId,
          cardId: decision.card.id,
          at: input.startedAt,
        })
      : undefined;

  const created = await db.transaction(async (tx) => {
    const ocppTransactionId = await nextOcppId(tx, actor.providerId, "ocpp_transaction");
    const [row] = await tx
      .insert(transactions)
      .values({
        providerId: actor.providerId,
        ocppTransactionId,
        chargePointId: input.chargePointId,
        connectorId: input.connectorId,
        idTag: input.idTag,
        chargeCardId: decision.card?.id ?? null,
        authorizationStatus: decision.status,
        startedAt: input.startedAt,
        meterStartWh: input.meterStartWh,
        lastMeterWh: input.meterStartWh,
        lastMeterAt: input.startedAt,
        reservationId: input.reservationId ?? null,
        status: accepted ? "active" : "invalid",
        ...snapshot,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) return undefined;
    await recordAudit(tx, actor, {
      action: "transaction.start",
      entityType: "transaction",
      entityId: row.id,
      after: { ocppTransactionId, connectorId: row.connectorId, idTag: row.idTag, status: row.status },
      at: deps.clock.now(),
    });
    return row;
  });
  // Lost a race with the same start arriving twice at once: answer with the winner's id.
  if (!created) return answer((await findStart(db, input))!, true);
  sessionEventsOf(deps).emit("started", {
    providerId: created.providerId,
    chargePointId: created.chargePointId,
    connectorId: created.connectorId,
    transactionId: created.id,
    ocppTransactionId: created.ocppTransactionId,
    status: created.status,
  });
  return {
    ocppTransactionId: created.ocppTransactionId,
    authorization: {
      status: decision.status,
      ...(decision.expiryDate ? { expiryDate: decision.expiryDate } : {}),
    },
    repeated: false,
  };
}

async function findStart(db: Db, input: StartSessionInput) {
  const [row] = await db
    .select()
    .from(transactions)
    .where(
      and(
        eq(transactions.chargePointId, input.chargePointId),
        eq(transactions.connectorId, input.connectorId),
        eq(transactions.idTag, input.idTag),
        eq(transactions.startedAt, input.startedAt),
        eq(transactions.meterStartWh, input.meterStartWh),
      ),
    );
  return row;
}

function answer(row: typeof transactions.$inferSelect, repeated: boolean): StartSessionResult {
  return {
    ocppTransactionId: row.ocppTransactionId,
    authorization: { status: row.authorizationStatus as AuthorizationStatus },
    repeated,
  };
}
