import { chargeCards, chargePoints, type Db, localListVersions } from "@voltlane/db";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Actor, Principal } from "../auth/principal";
import { AppError } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { assertCan, can } from "../policy/can";
import { buildLocalList, DEFAULT_LOCAL_LIST_MAX, type LocalListEntry } from "./build-local-list";
import { diffLocalList, type LocalListChange, toChange } from "./diff-local-list";

export type SendLocalListStatus = "Accepted" | "Failed" | "NotSupported" | "VersionMismatch";
/** The transport (OCPP SendLocalList, GetConfiguration LocalAuthListMaxLength). */
export type LocalListSender = {
  maxLength: (chargePointId: string) => Promise<number | null>;
  send: (
    chargePointId: string,
    update: { listVersion: number; updateType: "Full" | "Differential"; changes: LocalListChange[] },
  ) => Promise<SendLocalListStatus>;
};
export type LocalListSyncResult = {
  chargePointId: string;
  updateType: "Full" | "Differential" | "None";
  listVersion: number;
  entries: number;
  status: SendLocalListStatus | "Unchanged";
};

/** POST /charge-points/{id}/local-list/sync: a Full update, the next version (charge point settings). */
export async function syncLocalList(
  deps: CoreDeps,
  p: Principal,
  chargePointId: string,
  sender: LocalListSender,
): Promise<LocalListSyncResult> {
  const [cp] = await deps.db
    .select({ id: chargePoints.id, ownerCustomerId: chargePoints.ownerCustomerId })
    .from(chargePoints)
    .where(and(eq(chargePoints.id, chargePointId), eq(chargePoints.providerId, p.providerId)));
  if (!cp) throw new AppError("not_found", "charge point not found");
  if (!can(p, "charge_points", "write"))
    assertCan(p, "charge_point_settings", "write", { customerIds: [cp.ownerCustomerId] });
  return sendFull(deps, p, chargePointId, sender);
}

async function sendFull(deps: CoreDeps, actor: Actor, chargePointId: string, sender: LocalListSender) {
  const max = (await sender.maxLength(chargePointId).catch(() => null)) ?? DEFAULT_LOCAL_LIST_MAX;
  const entries = await buildLocalList(deps.db, chargePointId, deps.clock.now(), max);
  const listVersion = (await storedList(deps.db, chargePointId)).version + 1;
  const status = await sender.send(chargePointId, {
    listVersion,
    updateType: "Full",
    changes: entries.map(toChange),
  });
  if (status === "Accepted") await storeList(deps, actor, chargePointId, listVersion, entries, "Full");
  return { chargePointId, updateType: "Full" as const, listVersion, entries: entries.length, status };
}

/**
 * The periodic follow-up (a job): for every online charge point that has a local list, the cards that
 * changed since (blocked, unblocked, attached, detached, members) go out as a Differential update with
 * the next version; a charger that lost track (VersionMismatch) gets a Full one.
 */
export async function syncChangedLocalLists(deps: CoreDeps, sender: LocalListSender) {
  const rows = await deps.db
    .select({ chargePointId: localListVersions.chargePointId, providerId: chargePoints.providerId })
    .from(localListVersions)
    .innerJoin(chargePoints, eq(chargePoints.id, localListVersions.chargePointId))
    .where(and(eq(chargePoints.online, true), isNotNull(localListVersions.sentAt)));
  const results: LocalListSyncResult[] = [];
  for (const row of rows) {
    const actor = { kind: "job", providerId: row.providerId, name: "local-list-sync" } as const;
    const result = await sendDifferential(deps, actor, row.chargePointId, sender).catch(() => undefined);
    if (result) results.push(result);
  }
  return results;
}

async function sendDifferential(
  deps: CoreDeps,
  actor: Actor,
  chargePointId: string,
  sender: LocalListSender,
) {
  const stored = await storedList(deps.db, chargePointId);
  const current = stored.entries ?? [];
  const max = Math.max(current.length, DEFAULT_LOCAL_LIST_MAX);
  const wanted = await buildLocalList(deps.db, chargePointId, deps.clock.now(), max);
  const blocked = await blockedAmong(
    deps.db,
    current.map((e) => e.idTag),
  );
  const { changes, next } = diffLocalList(current, wanted, blocked);
  if (changes.length === 0) {
    return {
      chargePointId,
      updateType: "None" as const,
      listVersion: stored.version,
      entries: current.length,
      status: "Unchanged" as const,
    };
  }
  const listVersion = stored.version + 1;
  const status = await sender.send(chargePointId, { listVersion, updateType: "Differential", changes });
  if (status === "VersionMismatch") return sendFull(deps, actor, chargePointId, sender);
  if (status === "Accepted") await storeList(deps, actor, chargePointId, listVersion, next, "Differential");
  return { chargePointId, updateType: "Differential" as const, listVersion, entries: next.length, status };
}

async function storedList(db: Db, chargePointId: string) {
  const [row] = await db
    .select()
    .from(localListVersions)
    .where(eq(localListVersions.chargePointId, chargePointId));
  return { version: row?.version ?? 0, entries: (row?.entries ?? null) as LocalListEntry[] | null };
}

async function blockedAmong(db: Db, idTags: string[]): Promise<Set<string>> {
  if (idTags.length === 0) return new Set();
  const rows = await db
    .select({ rfid: chargeCards.rfid })
    .from(chargeCards)
    .where(and(inArray(chargeCards.rfid, idTags), eq(chargeCards.status, "blocked")));
  return new Set(rows.map((r) => r.rfid));
}

/** R8: the list the charger now holds, with its version, audited. */
async function storeList(
  deps: CoreDeps,
  actor: Actor,
  chargePointId: string,
  version: number,
  entries: LocalListEntry[],
  updateType: "Full" | "Differential",
) {
  const at = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(localListVersions)
      .values({ chargePointId, version, entries, sentAt: at, updatedAt: at })
      .onConflictDoUpdate({
        target: localListVersions.chargePointId,
        set: { version, entries, sentAt: at, updatedAt: at },
      });
    await recordAudit(tx, actor, {
      action: "charge_point.local_list",
      entityType: "charge_point",
      entityId: chargePointId,
      after: { listVersion: version, updateType, entries: entries.length },
      at,
    });
  });
}
