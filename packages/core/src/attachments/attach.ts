import type { AssetType, AttachmentRole } from "@voltlane/contracts";
import { attachments, type Db } from "@voltlane/db";
import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Actor, Principal } from "../auth/principal";
import { assertNotViewAs, loadVisibleCustomer } from "../customers/customer-scope";
import { AppError, businessRule, isUniqueViolation, notFound } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { assertCan } from "../policy/can";

export type AttachmentRow = typeof attachments.$inferSelect;

/** Which roles a customer can have towards each kind of asset (§3 Attachment). */
const rolesOf: Record<AssetType, readonly AttachmentRole[]> = {
  charge_card: ["card_user", "card_payer"],
  charge_point: ["cp_receiver", "cp_subscription_payer"],
  charge_group: ["group_member"],
  grid: ["grid_viewer"],
  employee: ["employee_of"],
};

export type NewAttachment = {
  customerId: string;
  assetType: AssetType;
  assetId: string;
  role: AttachmentRole;
};

/**
 * Writes one attachment and its audit entry in the caller's transaction. No permission check: other
 * features (cards R28, charge points W1) call it after their own. R9: a single-valued role already
 * open on the asset answers 409.
 */
export async function insertAttachment(
  db: Db,
  actor: Actor,
  input: NewAttachment,
  at: Date,
): Promise<AttachmentRow> {
  if (!rolesOf[input.assetType].includes(input.role)) {
    throw new AppError("validation_failed", `role ${input.role} does not fit a ${input.assetType}`, [
      { path: "role", message: `expected one of ${rolesOf[input.assetType].join(", ")}` },
    ]);
  }
  let row: AttachmentRow;
  try {
    [row] = (await db
      .insert(attachments)
      .values({
        providerId: actor.providerId,
        ...input,
        validFrom: at,
        createdBy: actor.kind === "system" || actor.kind === "customer" ? actor.userId || null : null,
      })
      .returning()) as [AttachmentRow];
  } catch (error) {
    if (isUniqueViolation(error, "attachments_single_role_uq")) {
      throw new AppError("conflict", `the ${input.assetType} already has an open ${input.role}`, {
        rule: "R9",
      });
    }
    throw error;
  }
  await recordAudit(db, actor, {
    action: "attachment.attach",
    entityType: "attachment",
    entityId: row.id,
    after: row,
  });
  return row;
}

/** R9: detaching sets validTo; attachments are never deleted. */
export async function endAttachment(
  db: Db,
  actor: Actor,
  before: AttachmentRow,
  at: Date,
): Promise<AttachmentRow> {
  const [after] = await db
    .update(attachments)
    .set({ validTo: at })
    .where(and(eq(attachments.id, before.id), isNull(attachments.validTo)))
    .returning();
  if (!after) throw new AppError("conflict", "the attachment has already ended");
  await recordAudit(db, actor, {
    action: "attachment.detach",
    entityType: "attachment",
    entityId: before.id,
    before,
    after,
  });
  return after;
}

/** Ends the open links of an asset (optionally one role or one customer), e.g. when a card is re-attached. */
export async function detachAsset(
  db: Db,
  actor: Actor,
  where: { assetType: AssetType; assetId: string; role?: AttachmentRole; customerId?: string },
  at: Date,
): Promise<AttachmentRow[]> {
  const open = await db
    .select()
    .from(attachments)
    .where(
      and(
        eq(attachments.providerId, actor.providerId),
        eq(attachments.assetType, where.assetType),
        eq(attachments.assetId, where.assetId),
        isNull(attachments.validTo),
        where.role ? eq(attachments.role, where.role) : undefined,
        where.customerId ? eq(attachments.customerId, where.customerId) : undefined,
      ),
    );
  const ended: AttachmentRow[] = [];
  for (const row of open) ended.push(await endAttachment(db, actor, row, at));
  return ended;
}

/** Staff attach an asset to a customer ("Attachments: attach/detach"). */
export async function attach(deps: CoreDeps, p: Principal, input: NewAttachment): Promise<AttachmentRow> {
  assertNotViewAs(p);
  assertCan(p, "attachments", "write");
  if (input.assetType === "employee") {
    throw businessRule("R10", "employees are linked through an employment link (create or change type)");
  }
  return deps.db.transaction(async (tx) => {
    const customer = await loadVisibleCustomer(tx, p, input.customerId);
    if (customer.status !== "active") throw businessRule("R9", "a closed customer gets no new attachments");
    return insertAttachment(tx, p, input, deps.clock.now());
  });
}

export async function detach(
  deps: CoreDeps,
  p: Principal,
  input: { customerId: string; attachmentId: string },
): Promise<AttachmentRow> {
  assertNotViewAs(p);
  assertCan(p, "attachments", "write");
  return deps.db.transaction(async (tx) => {
    await loadVisibleCustomer(tx, p, input.customerId);
    const [row] = await tx
      .select()
      .from(attachments)
      .where(
        and(
          eq(attachments.id, input.attachmentId),
          eq(attachments.customerId, input.customerId),
          eq(attachments.providerId, p.providerId),
        ),
      )
      .for("update");
    if (!row) throw notFound("attachment");
    return endAttachment(tx, p, row, deps.clock.now());
  });
}

export function toAttachmentItem(row: AttachmentRow) {
  return {
    id: row.id,
    assetId: row.assetId,
    name: row.assetId,
    role: row.role,
    validFrom: row.validFrom.toISOString(),
    validTo: row.validTo?.toISOString() ?? null,
  };
}
