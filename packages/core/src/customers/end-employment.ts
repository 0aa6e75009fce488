import { attachments, customers, type Db, employmentLinks, loginUsers } from "@voltlane/db";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { endAttachment } from "../attachments/attach";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import type { CustomerRow } from "./customer-scope";

/**
 * R65 (one step, in the caller's transaction): end the employment link, detach the cards the company
 * pays for that the employee uses, and make the person a private user who keeps the login.
 * The card status (inactive, R27) and the home-charger routing belong to the cards and charge point
 * features; they react to the ended attachments.
 */
export async function endEmployment(
  tx: Db,
  p: Principal,
  employee: CustomerRow,
  at: Date,
): Promise<CustomerRow> {
  const [link] = await tx
    .update(employmentLinks)
    .set({ validTo: at })
    .where(and(eq(employmentLinks.employeeId, employee.id), isNull(employmentLinks.validTo)))
    .returning();
  if (link) {
    await recordAudit(tx, p, {
      action: "employment.end",
      entityType: "employment_link",
      entityId: link.id,
      after: link,
    });
    await detachCompanyPaidCards(tx, p, employee.id, link.companyId, at);
  }
  const [after] = await tx
    .update(customers)
    .set({ type: "private", companyId: null, updatedAt: at })
    .where(eq(customers.id, employee.id))
    .returning();
  await tx
    .update(loginUsers)
    .set({ role: "private_user", updatedAt: at })
    .where(eq(loginUsers.customerId, employee.id));
  return after!;
}

async function detachCompanyPaidCards(tx: Db, p: Principal, employeeId: string, companyId: string, at: Date) {
  const used = await tx
    .select()
    .from(attachments)
    .where(
      and(
        eq(attachments.customerId, employeeId),
        eq(attachments.assetType, "charge_card"),
        eq(attachments.role, "card_user"),
        isNull(attachments.validTo),
      ),
    );
  if (used.length === 0) return;
  const paid = await tx
    .select()
    .from(attachments)
    .where(
      and(
        eq(attachments.customerId, companyId),
        eq(attachments.assetType, "charge_card"),
        eq(attachments.role, "card_payer"),
        isNull(attachments.validTo),
        inArray(
          attachments.assetId,
          used.map((u) => u.assetId),
        ),
      ),
    );
  const paidCards = new Set(paid.map((a) => a.assetId));
  for (const row of [...paid, ...used.filter((u) => paidCards.has(u.assetId))]) {
    await endAttachment(tx, p, row, at);
  }
}
