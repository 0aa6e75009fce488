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
};

/** R22, in order. */
async function chooseTariffId(db: Db, c: TariffChoiceInput): Promise<string | null> {
  const parties = [c.userCustomerId, c.payerCustomerId].filter((id): id is string => !!id);
  if (c.groupId && parties.length > 0) {
    const exceptions = await db
      .select()
      .from(tariffExceptions)
      .where(
        and(eq(tariffExceptions.chargeGroupId, c.groupId), inArray(tariffExceptions.customerId, parties)),
      );
    const forUser = exceptions.find((e) => e.customerId === c.userCustomerId);
    const forPayer = exceptions.find((e) => e.customerId === c.payerCustomerId);
    const exception = forUser ?? forPayer;
    if (exception) return exception.tariffId;
  }
  return c.overrideTariffId ?? c.groupTariffId;
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
