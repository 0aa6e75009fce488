import { attachments, customers, type Db } from "@voltlane/db";
import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Actor, Principal } from "../auth/principal";
import { AppError, notFound } from "../errors/app-error";

// Small writers of the attachments table for the charging assets (cards R26/R27, charge points
// W1, groups R21). The customers feature owns the Attachments tab; these only link and unlink.

export type AssetLink = {
  customerId: string;
  assetType: "charge_point" | "charge_card" | "charge_group";
  assetId: string;
  role: "card_user" | "card_payer" | "cp_receiver" | "cp_subscription_payer" | "group_member";
};

export async function openAttachment(db: Db, actor: Principal, link: AssetLink, at: Date): Promise<void> {
  const [row] = await db
    .insert(attachments)
    .values({ providerId: actor.providerId, ...link, validFrom: at, createdBy: actor.userId })
    .returning();
  await recordAudit(db, actor, {
    action: "attachment.attach",
    entityType: "attachment",
    entityId: row!.id,
    after: row,
  });
}

/** R9: links are never deleted; closing sets validTo. Returns how many were closed. */
export async function closeAttachments(
  db: Db,
  actor: Actor,
  where: Omit<AssetLink, "customerId" | "role"> & Partial<Pick<AssetLink, "customerId" | "role">>,
  at: Date,
): Promise<number> {
  const closed = await db
    .update(attachments)
    .set({ validTo: at })
    .where(
      and(
        eq(attachments.providerId, actor.providerId),
        eq(attachments.assetType, where.assetType),
        eq(attachments.assetId, where.assetId),
        isNull(attachments.validTo),
        where.role ? eq(attachments.role, where.role) : undefined,
        where.customerId ? eq(attachments.customerId, where.customerId) : undefined,
      ),
    )
    .returning();
  for (const row of closed) {
    await recordAudit(db, actor, {
      action: "attachment.detach",
      entityType: "attachment",
      entityId: row.id,
      after: row,
    });
  }
  return closed.length;
}

/** Replaces the open single-valued link (R9) of an asset with one to `customerId` (or none). */
export async function relinkAttachment(
  db: Db,
  actor: Principal,
  link: Omit<AssetLink, "customerId"> & { customerId: string | null },
  at: Date,
): Promise<void> {
  await closeAttachments(
    db,
    actor,
    { assetType: link.assetType, assetId: link.assetId, role: link.role },
    at,
  );
  if (link.customerId) await openAttachment(db, actor, { ...link, customerId: link.customerId }, at);
}

/** A customer of the actor's provider (R4: others answer 404), optionally required active. */
export async function loadProviderCustomer(
  db: Db,
  p: Principal,
  id: string,
  opts: { active?: boolean } = {},
) {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.id, id), eq(customers.providerId, p.providerId)));
  if (!row) throw notFound("customer");
  if (opts.active && row.status !== "active") {
    throw new AppError("business_rule", "the customer is closed", { rule: "R9" });
  }
  return row;
}
