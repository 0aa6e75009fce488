import type { Page } from "@voltlane/contracts";
import { chargePoints, type Db, ocppMessages } from "@voltlane/db";
import { and, count, desc, eq, gte, lt } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import { AppError } from "../errors/app-error";
import { assertCan } from "../policy/can";

export type OcppMessageView = {
  id: number;
  direction: string;
  messageType: number | null;
  messageId: string | null;
  action: string | null;
  payload: unknown;
  at: Date;
};

/** The OCPP log of one charge point, newest first, for the last `days` days (system users, R4). */
export async function listOcppMessages(
  deps: { db: Db; clock: { now: () => Date } },
  principal: Principal,
  input: { chargePointId: string; days: number; page: number; pageSize: number },
): Promise<Page<OcppMessageView>> {
  assertCan(principal, "charge_points", "read");
  const [cp] = await deps.db
    .select({ id: chargePoints.id })
    .from(chargePoints)
    .where(and(eq(chargePoints.id, input.chargePointId), eq(chargePoints.providerId, principal.providerId)));
  if (!cp) throw new AppError("not_found", "charge point not found");
  const since = new Date(deps.clock.now().getTime() - input.days * 86_400_000);
  const where = and(
    eq(ocppMessages.chargePointId, input.chargePointId),
    eq(ocppMessages.providerId, principal.providerId),
    gte(ocppMessages.at, since),
  );
  const [total] = await deps.db.select({ n: count() }).from(ocppMessages).where(where);
  const items = await deps.db
    .select({
      id: ocppMessages.id,
      direction: ocppMessages.direction,
      messageType: ocppMessages.messageType,
      messageId: ocppMessages.messageId,
      action: ocppMessages.action,
      payload: ocppMessages.payload,
      at: ocppMessages.at,
    })
    .from(ocppMessages)
    .where(where)
    .orderBy(desc(ocppMessages.at), desc(ocppMessages.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

/** Retention: messages older than `days` are deleted (a job calls this daily). */
export async function pruneOcppMessages(db: Db, now: Date, days: number): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const deleted = await db
    .delete(ocppMessages)
    .where(lt(ocppMessages.at, cutoff))
    .returning({ id: ocppMessages.id });
  return deleted.length;
}
