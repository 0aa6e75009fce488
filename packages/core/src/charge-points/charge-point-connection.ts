import { chargePoints, type Db, providers } from "@voltlane/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Clock } from "../platform/clock";
import { recordConnectionChange } from "./connection-history";

export type ChargePointConnection = {
  id: string;
  providerId: string;
  activation: "inactive" | "active" | "retired";
  /** argon2id hash for OCPP basic auth; null = no password set (security profile 0). */
  passwordHash: string | null;
};

/** The websocket upgrade's lookup (R15: identities are platform-wide); null = unknown identity. */
export async function findChargePointForConnection(
  db: Db,
  identity: string,
): Promise<ChargePointConnection | null> {
  const [row] = await db
    .select({
      id: chargePoints.id,
      providerId: chargePoints.providerId,
      activation: chargePoints.activation,
      passwordHash: chargePoints.passwordHash,
    })
    .from(chargePoints)
    .where(eq(chargePoints.id, identity));
  return row ? { ...row, activation: row.activation as ChargePointConnection["activation"] } : null;
}

/** R15: 1–48 characters of [A-Za-z0-9._:-]. */
export const chargePointIdentityPattern = /^[A-Za-z0-9._:-]{1,48}$/;

/**
 * R17: an unknown identity is refused unless the platform operator's provider accepts unknown
 * charge points; then it is registered inactive (and its boots answer Pending). Returns null
 * when refused.
 */
export async function admitUnknownChargePoint(
  db: Db,
  identity: string,
  clock: Clock,
): Promise<ChargePointConnection | null> {
  if (!chargePointIdentityPattern.test(identity)) return null;
  const [provider] = await db
    .select({ id: providers.id, settings: providers.settings })
    .from(providers)
    .where(and(eq(providers.isPlatformOperator, true), eq(providers.status, "active")));
  if (!provider?.settings.acceptUnknownChargePoints) return null;
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(chargePoints)
      .values({ id: identity, providerId: provider.id, name: identity, lastSeenAt: clock.now() })
      .onConflictDoNothing()
      .returning({ id: chargePoints.id });
    if (inserted.length > 0) {
      await recordAudit(
        tx,
        { kind: "charge_point", providerId: provider.id, chargePointId: identity },
        {
          action: "charge_point.auto_register",
          entityType: "charge_point",
          entityId: identity,
          after: { id: identity, activation: "inactive" },
          at: clock.now(),
        },
      );
    }
    return findChargePointForConnection(tx, identity);
  });
}

export type BootData = {
  vendor: string;
  model: string;
  serialNumber?: string | null;
  chargeBoxSerialNumber?: string | null;
  firmwareVersion?: string | null;
  iccid?: string | null;
  imsi?: string | null;
  meterType?: string | null;
  meterSerialNumber?: string | null;
  ocppVersion?: string | null;
};

export type BootResult = { status: "Accepted" | "Pending"; interval: number };

/** Heartbeat interval for accepted chargers, and the retry interval for pending ones (seconds). */
export const heartbeatIntervalSeconds = 300;
export const pendingRetrySeconds = 60;

/**
 * R18: every BootNotification overwrites the boot data. R17: only active chargers are accepted;
 * inactive and retired ones get Pending (they cannot start sessions). Unknown identity → null.
 */
export async function recordBoot(
  db: Db,
  identity: string,
  bootData: BootData,
  clock: Clock,
): Promise<BootResult | null> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(chargePoints).where(eq(chargePoints.id, identity));
    if (!before) return null;
    const boot = {
      vendor: bootData.vendor,
      model: bootData.model,
      serialNumber: bootData.serialNumber ?? null,
      chargeBoxSerialNumber: bootData.chargeBoxSerialNumber ?? null,
      firmwareVersion: bootData.firmwareVersion ?? null,
      iccid: bootData.iccid ?? null,
      imsi: bootData.imsi ?? null,
      meterType: bootData.meterType ?? null,
      meterSerialNumber: bootData.meterSerialNumber ?? null,
      ...(bootData.ocppVersion ? { ocppVersion: bootData.ocppVersion } : {}),
    };
    await recordConnectionChange(tx, identity, true, now);
    await tx
      .update(chargePoints)
      .set({ ...boot, online: true, lastSeenAt: now, lastBootAt: now, updatedAt: now })
      .where(eq(chargePoints.id, identity));
    await recordAudit(
      tx,
      { kind: "charge_point", providerId: before.providerId, chargePointId: identity },
      {
        action: "charge_point.boot",
        entityType: "charge_point",
        entityId: identity,
        before: pickBoot(before),
        after: boot,
        at: now,
      },
    );
    return before.activation === "active"
      ? { status: "Accepted", interval: heartbeatIntervalSeconds }
      : { status: "Pending", interval: pendingRetrySeconds };
  });
}

function pickBoot(row: typeof chargePoints.$inferSelect) {
  const { vendor, model, serialNumber, firmwareVersion, iccid, imsi, meterType } = row;
  return { vendor, model, serialNumber, firmwareVersion, iccid, imsi, meterType };
}

/**
 * Connection state changes (websocket open/close, heartbeats); not audited, they are telemetry, but
 * each change of `online` enters the connection history (uptime).
 */
export async function markChargePointSeen(
  db: Db,
  identity: string,
  online: boolean,
  clock: Clock,
): Promise<void> {
  const now = clock.now();
  await recordConnectionChange(db, identity, online, now);
  await db.update(chargePoints).set({ online, lastSeenAt: now }).where(eq(chargePoints.id, identity));
}
