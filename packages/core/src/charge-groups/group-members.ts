import type { ChargeGroupDto } from "@voltlane/contracts";
import { attachments, tariffExceptions } from "@voltlane/db";
import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { closeAttachments, loadProviderCustomer, openAttachment } from "../authorization/asset-attachments";
import { AppError, notFound } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { assertCan } from "../policy/can";
import { loadTariff } from "../tariffs/manage-tariffs";
import { assertGroupTariffs, loadChargeGroup, toChargeGroupDto } from "./manage-charge-groups";

/** The group with its open members and tariff exceptions. */
export async function getChargeGroup(deps: CoreDeps, p: Principal, id: string): Promise<ChargeGroupDto> {
  assertCan(p, "charge_groups", "read");
  const group = await loadChargeGroup(deps.db, p, id);
  const members = await deps.db
    .select({ customerId: attachments.customerId, validFrom: attachments.validFrom })
    .from(attachments)
    .where(
      and(
        eq(attachments.assetType, "charge_group"),
        eq(attachments.assetId, id),
        eq(attachments.role, "group_member"),
        isNull(attachments.validTo),
      ),
    );
  const exceptions = await deps.db
    .select({ customerId: tariffExceptions.customerId, tariffId: tariffExceptions.tariffId })
    .from(tariffExceptions)
    .where(eq(tariffExceptions.chargeGroupId, id));
  return {
    ...toChargeGroupDto(group),
    members: members.map((m) => ({ customerId: m.customerId, validFrom: m.validFrom.toISOString() })),
    exceptions,
  };
}

/** R21: members are attachments with role group_member. */
export async function addGroupMember(
  deps: CoreDeps,
  p: Principal,
  groupId: string,
  customerId: string,
): Promise<void> {
  assertCan(p, "charge_groups", "write");
  await deps.db.transaction(async (tx) => {
    await loadChargeGroup(tx, p, groupId);
    await loadProviderCustomer(tx, p, customerId, { active: true });
    const [open] = await tx
      .select({ id: attachments.id })
      .from(attachments)
      .where(
        and(
          eq(attachments.assetType, "charge_group"),
          eq(attachments.assetId, groupId),
          eq(attachments.customerId, customerId),
          eq(attachments.role, "group_member"),
          isNull(attachments.validTo),
        ),
      );
    if (open) throw new AppError("conflict", "the customer is already a member");
    await openAttachment(
      tx,
      p,
      { customerId, assetType: "charge_group", assetId: groupId, role: "group_member" },
      deps.clock.now(),
    );
  });
}

export async function removeGroupMember(
  deps: CoreDeps,
  p: Principal,
  groupId: string,
  customerId: string,
): Promise<void> {
  assertCan(p, "charge_groups", "write");
  await deps.db.transaction(async (tx) => {
    await loadChargeGroup(tx, p, groupId);
    const closed = await closeAttachments(
      tx,
      p,
      { assetType: "charge_group", assetId: groupId, role: "group_member", customerId },
      deps.clock.now(),
    );
    if (closed === 0) throw notFound("member");
  });
}

/** R22: a customer-specific tariff in this group (one per pair). R23 applies to it too. */
export async function setTariffException(
  deps: CoreDeps,
  p: Principal,
  groupId: string,
  customerId: string,
  tariffId: string,
): Promise<void> {
  assertCan(p, "charge_groups", "write");
  await deps.db.transaction(async (tx) => {
    const group = await loadChargeGroup(tx, p, groupId);
    await loadProviderCustomer(tx, p, customerId);
    await loadTariff(tx, p, tariffId);
    await assertGroupTariffs(tx, group, tariffId);
    const [before] = await tx
      .select()
      .from(tariffExceptions)
      .where(and(eq(tariffExceptions.chargeGroupId, groupId), eq(tariffExceptions.customerId, customerId)));
    const [after] = await tx
      .insert(tariffExceptions)
      .values({ providerId: p.providerId, chargeGroupId: groupId, customerId, tariffId })
      .onConflictDoUpdate({
        target: [tariffExceptions.chargeGroupId, tariffExceptions.customerId],
        set: { tariffId, updatedAt: deps.clock.now() },
      })
      .returning();
    await recordAudit(tx, p, {
      action: "tariff_exception.set",
      entityType: "charge_group",
      entityId: groupId,
      before,
      after,
    });
  });
}

export async function removeTariffException(
  deps: CoreDeps,
  p: Principal,
  groupId: string,
  customerId: string,
): Promise<void> {
  assertCan(p, "charge_groups", "write");
  await deps.db.transaction(async (tx) => {
    await loadChargeGroup(tx, p, groupId);
    const [before] = await tx
      .delete(tariffExceptions)
      .where(and(eq(tariffExceptions.chargeGroupId, groupId), eq(tariffExceptions.customerId, customerId)))
      .returning();
    if (!before) throw notFound("tariff exception");
    await recordAudit(tx, p, {
      action: "tariff_exception.remove",
      entityType: "charge_group",
      entityId: groupId,
      before,
    });
  });
}
