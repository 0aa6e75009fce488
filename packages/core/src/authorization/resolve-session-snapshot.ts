import { chargeCards, chargeGroups, chargePoints, type Db, tariffExceptions, tariffs } from "@voltlane/db";
import { and, eq, inArray } from "drizzle-orm";
import { AppError } from "../errors/app-error";
import type { TariffSnapshot } from "../tariffs/tariff-snapshot";

export type TariffSnapshotWithId = TariffSnapshot & { tariffId: string; version: number; name: string };

export type SessionSnapshot = {
  /** Null when neither an exception, an override nor the group names a tariff (unpriced session). */
  tariffSnapshot: TariffSnapshotWithId | null;
  chargeGroupId: string | null;
  chargeGroupType: "home" | "other" | null;
  userCustomerId: string | null;
  payerCustomerId: string | null;
  receiverCustomerId: string | null;
  /** The card belongs to another provider than the charger. */
  roaming: boolean;
};

export type ResolveSessionSnapshotInput = {
  chargePointId: string;
  connectorId: number;
  cardId: string | null;
  at: Date;
};

/**
 * R33, R34: who pays, who receives, which group and which tariff, frozen at session start.
 * R22: exception for the card's user, else for its payer, else the charger's override, else the
 * group tariff.
 */
export async function resolveSessionSnapshot(
  db: Db,
  input: ResolveSessionSnapshotInput,
): Promise<SessionSnapshot> {
  const [cp] = await db
    .select({ cp: chargePoints, group: chargeGroups })
    .from(chargePoints)
    .leftJoin(chargeGroups, eq(chargeGroups.id, chargePoints.chargeGroupId))
    .where(eq(chargePoints.id, input.chargePointId));
  if (!cp) throw new AppError("not_found", "charge point not found");
  const [card] = input.cardId
    ? await db.select().from(chargeCards).where(eq(chargeCards.id, input.cardId))
    : [];
  const userCustomerId = card?.customerId ?? null;
  const payerCustomerId = card?.payerCustomerId ?? null;
  const tariffId = await chooseTariffId(db, {
    groupId: cp.group?.id ?? null,
    groupTariffId: cp.group?.tariffId ?? null,
    overrideTariffId: cp.cp.tariffOverrideId,
    userCustomerId,
    payerCustomerId,
    at: input.at,
  });
  return {
    tariffSnapshot: tariffId ? await snapshotTariff(db, tariffId) : null,
    chargeGroupId: cp.group?.id ?? null,
    chargeGroupType: (cp.group?.type ?? null) as SessionSnapshot["chargeGroupType"],
    userCustomerId,
    payerCustomerId,
    receiverCustomerId: cp.cp.ownerCustomerId,
    roaming: !!card && card.providerId !== cp.cp.providerId,
  };
}

type TariffChoiceInput = {
  groupId: string | null;
  groupTariffId: string | null;
  overrideTariffId: string | null;
  userCustomerId: string | null;
  payerCustomerId: string | null;
  /** Session start. */
  at: Date;
};

/**
 * R22, in order, among the tariffs in force at session start (R33): validFrom ≤ start < validTo,
 * an open end on either side. A candidate outside its validity steps aside for the next one, so an
 * expired exception falls back to the override or the group tariff; none in force = unpriced.
 */
async function chooseTariffId(db: Db, c: TariffChoiceInput): Promise<string | null> {
  const parties = [c.userCustomerId, c.payerCustomerId].filter((id): id is string => !!id);
  const exceptions =
    c.groupId && parties.length > 0
      ? await db
          .select()
          .from(tariffExceptions)
          .where(
            and(eq(tariffExceptions.chargeGroupId, c.groupId), inArray(tariffExceptions.customerId, parties)),
          )
      : [];
  const candidates = [
    exceptions.find((e) => e.customerId === c.userCustomerId)?.tariffId,
    exceptions.find((e) => e.customerId === c.payerCustomerId)?.tariffId,
    c.overrideTariffId,
    c.groupTariffId,
  ].filter((id): id is string => !!id);
  if (candidates.length === 0) return null;
  const rows = await db
    .select({ id: tariffs.id, validFrom: tariffs.validFrom, validTo: tariffs.validTo })
    .from(tariffs)
    .where(inArray(tariffs.id, candidates));
  const inForce = new Set(rows.filter((t) => tariffInForce(t, c.at)).map((t) => t.id));
  return candidates.find((id) => inForce.has(id)) ?? null;
}

/** R33: whether a tariff's validity covers an instant (from inclusive, to exclusive). */
export function tariffInForce(t: { validFrom: Date | null; validTo: Date | null }, at: Date): boolean {
  if (t.validFrom && t.validFrom.getTime() > at.getTime()) return false;
  return !(t.validTo && t.validTo.getTime() <= at.getTime());
}

/** The tariff as it is now (R33: the one in force at start prices the whole session). */
export async function snapshotTariff(db: Db, tariffId: string): Promise<TariffSnapshotWithId> {
  const [t] = await db.select().from(tariffs).where(eq(tariffs.id, tariffId));
  if (!t) throw new AppError("not_found", "tariff not found");
  return {
    tariffId: t.id,
    version: t.version,
    name: t.name,
    currency: t.currency,
    startFee: t.startFee,
    energyPrice: t.energyPrice,
    timePrice: t.timePrice,
    idleFee: t.idleFee,
    idleGraceMinutes: t.idleGraceMinutes,
    idleFeeCap: t.idleFeeCap,
    marginPerKwh: t.marginPerKwh,
    vatRate: t.vatRate,
  };
}
