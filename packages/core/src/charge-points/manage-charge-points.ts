import type {
  ChargePointDto,
  ConnectorInput,
  CreateChargePointInput,
  UpdateChargePointInput,
} from "@voltlane/contracts";
import { chargePoints, connectors, type Db, localListVersions, transactions } from "@voltlane/db";
import { and, count, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import { hashPassword } from "../auth/passwords";
import type { Principal } from "../auth/principal";
import { relinkAttachment } from "../authorization/asset-attachments";
import { AppError, businessRule, forbidden, isUniqueViolation } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { assertCan, can } from "../policy/can";
import { toChargePointDto } from "./charge-point-dto";
import { checkChargePointReferences, enforceGroupRules } from "./charge-point-references";
import { type ChargePointRow, connectorsOf, loadVisibleChargePoint } from "./charge-point-scope";

function duplicate(error: unknown): never {
  if (isUniqueViolation(error, "connectors_evse_uq"))
    throw new AppError("duplicate", "the EVSE id is already in use (R15)");
  if (isUniqueViolation(error, "charge_points_pkey"))
    throw new AppError("duplicate", "the charge point id is already in use (R15)");
  throw error;
}

async function upsertConnectors(db: Db, cp: ChargePointRow, list: ConnectorInput[]) {
  for (const c of list) {
    const values = {
      standard: c.standard,
      powerType: c.powerType,
      maxPowerW: c.maxPowerW,
      evseId: c.evseId ?? null,
    };
    await db
      .insert(connectors)
      .values({ chargePointId: cp.id, providerId: cp.providerId, connectorId: c.connectorId, ...values })
      .onConflictDoUpdate({ target: [connectors.chargePointId, connectors.connectorId], set: values })
      .catch(duplicate);
  }
}

/** W1 step 1: operations registers identity and password; the charger starts inactive (R17). */
export async function registerChargePoint(
  deps: CoreDeps,
  p: Principal,
  input: CreateChargePointInput,
): Promise<ChargePointDto> {
  assertCan(p, "charge_points", "write");
  const { connectors: list, password, ...fields } = input;
  const passwordHash = password ? await hashPassword(password) : null;
  return deps.db.transaction(async (tx) => {
    await checkChargePointReferences(tx, p, fields);
    const [row] = await tx
      .insert(chargePoints)
      .values({ ...fields, name: fields.name ?? input.id, passwordHash, providerId: p.providerId })
      .returning()
      .catch(duplicate);
    const at = deps.clock.now();
    await upsertConnectors(tx, row!, list ?? []);
    await linkParties(tx, p, row!, at);
    await enforceGroupRules(tx, p, row!, at);
    await recordAudit(tx, p, {
      action: "charge_point.register",
      entityType: "charge_point",
      entityId: row!.id,
      after: row,
    });
    return toChargePointDto(row!, await connectorsOf(tx, [row!.id]));
  });
}

/** The owner and hosting payer mirror open attachments (cp_receiver, cp_subscription_payer). */
async function linkParties(db: Db, p: Principal, cp: ChargePointRow, at: Date, before?: ChargePointRow) {
  if (cp.ownerCustomerId !== (before?.ownerCustomerId ?? null))
    await relinkAttachment(
      db,
      p,
      { assetType: "charge_point", assetId: cp.id, role: "cp_receiver", customerId: cp.ownerCustomerId },
      at,
    );
  if (cp.subscriptionPayerCustomerId !== (before?.subscriptionPayerCustomerId ?? null))
    await relinkAttachment(
      db,
      p,
      {
        assetType: "charge_point",
        assetId: cp.id,
        role: "cp_subscription_payer",
        customerId: cp.subscriptionPayerCustomerId,
      },
      at,
    );
}

// Company admins edit the settings of their own chargers (§2 "Charge point settings" O), not routing.
const ownerSettings = new Set(["name", "phases", "maxCurrentA"]);

export async function updateChargePoint(
  deps: CoreDeps,
  p: Principal,
  id: string,
  input: UpdateChargePointInput,
): Promise<ChargePointDto> {
  const { connectors: list, password, ...fields } = input;
  const staff = can(p, "charge_points", "write");
  return deps.db.transaction(async (tx) => {
    const before = await loadVisibleChargePoint(tx, p, id);
    if (!staff) {
      // Visible already (details), so a refusal here is 403, not 404.
      if (p.kind === "customer" && p.viewAsBy)
        throw new AppError("view_as_read_only", "viewing as a customer is read-only");
      if (!can(p, "charge_point_settings", "write", { customerIds: [before.ownerCustomerId] }))
        throw forbidden("not allowed: charge point settings");
      if (list || password || Object.keys(fields).some((k) => !ownerSettings.has(k)))
        throw forbidden("only name, phases and maxCurrentA");
    }
    await checkChargePointReferences(tx, p, fields);
    if (before.activation === "active" && fields.chargeGroupId === null)
      throw businessRule("R16", "an active charge point keeps a charge group");
    if (before.activation === "active" && (fields.ownerCustomerId === null || fields.locationId === null))
      throw businessRule("R16", "an active charge point keeps its owner and location");
    const at = deps.clock.now();
    const passwordHash = password ? { passwordHash: await hashPassword(password) } : {};
    const [after] = await tx
      .update(chargePoints)
      .set({ ...fields, ...passwordHash, updatedAt: at })
      .where(eq(chargePoints.id, id))
      .returning();
    await upsertConnectors(tx, after!, list ?? []);
    await linkParties(tx, p, after!, at, before);
    await enforceGroupRules(tx, p, after!, at);
    await recordAudit(tx, p, {
      action: "charge_point.update",
      entityType: "charge_point",
      entityId: id,
      before,
      after,
    });
    return toChargePointDto(after!, await connectorsOf(tx, [id]));
  });
}

/** R16: activation needs a charge group, a receiver (owner) and a location. */
export async function activateChargePoint(deps: CoreDeps, p: Principal, id: string): Promise<ChargePointDto> {
  assertCan(p, "charge_points", "write");
  return setActivation(deps, p, id, "active", (cp) => {
    if (cp.activation === "retired") throw businessRule("R19", "a retired charge point stays retired");
    const missing = [
      !cp.chargeGroupId && "chargeGroupId",
      !cp.ownerCustomerId && "ownerCustomerId",
      !cp.locationId && "locationId",
    ].filter(Boolean);
    if (missing.length > 0)
      throw new AppError("business_rule", `R16: activation needs ${missing.join(", ")}`, {
        rule: "R16",
        missing,
      });
  });
}

export async function deactivateChargePoint(
  deps: CoreDeps,
  p: Principal,
  id: string,
): Promise<ChargePointDto> {
  assertCan(p, "charge_points", "write");
  return setActivation(deps, p, id, "inactive", (cp) => {
    if (cp.activation === "retired") throw businessRule("R19", "a retired charge point stays retired");
  });
}

/** R19: retired chargers keep their history; they boot Pending and start no sessions (R17). */
export async function retireChargePoint(deps: CoreDeps, p: Principal, id: string): Promise<ChargePointDto> {
  assertCan(p, "charge_points", "write");
  return setActivation(deps, p, id, "retired", () => {});
}

async function setActivation(
  deps: CoreDeps,
  p: Principal,
  id: string,
  activation: string,
  check: (cp: ChargePointRow) => void,
) {
  return deps.db.transaction(async (tx) => {
    const before = await loadVisibleChargePoint(tx, p, id);
    check(before);
    const at = deps.clock.now();
    const [after] = await tx
      .update(chargePoints)
      .set({ activation, updatedAt: at, ...(activation === "retired" ? { retiredAt: at } : {}) })
      .where(eq(chargePoints.id, id))
      .returning();
    const action = { active: "activate", inactive: "deactivate", retired: "retire" }[activation];
    await recordAudit(tx, p, {
      action: `charge_point.${action}`,
      entityType: "charge_point",
      entityId: id,
      before: { activation: before.activation },
      after: { activation },
    });
    return toChargePointDto(after!, await connectorsOf(tx, [id]));
  });
}

/** R19: a charger with transactions is retired, never deleted. */
export async function deleteChargePoint(deps: CoreDeps, p: Principal, id: string): Promise<void> {
  assertCan(p, "charge_points", "write");
  await deps.db.transaction(async (tx) => {
    const before = await loadVisibleChargePoint(tx, p, id);
    const [used] = await tx
      .select({ n: count() })
      .from(transactions)
      .where(and(eq(transactions.chargePointId, id)));
    if ((used?.n ?? 0) > 0)
      throw businessRule("R19", "a charge point with transactions is retired, never deleted");
    await relinkAttachment(
      tx,
      p,
      { assetType: "charge_point", assetId: id, role: "cp_receiver", customerId: null },
      deps.clock.now(),
    );
    await relinkAttachment(
      tx,
      p,
      { assetType: "charge_point", assetId: id, role: "cp_subscription_payer", customerId: null },
      deps.clock.now(),
    );
    await tx.delete(localListVersions).where(eq(localListVersions.chargePointId, id));
    await tx.delete(connectors).where(eq(connectors.chargePointId, id));
    await tx.delete(chargePoints).where(eq(chargePoints.id, id));
    await recordAudit(tx, p, {
      action: "charge_point.delete",
      entityType: "charge_point",
      entityId: id,
      before,
    });
  });
}
