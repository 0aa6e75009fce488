import { attachments, type Db } from "@voltlane/db";
import { and, eq, gt, inArray, isNull, lte, or } from "drizzle-orm";

/** Open at `at`: started, and not yet ended (R9: detaching sets validTo). */
export function openAt(at: Date) {
  return and(lte(attachments.validFrom, at), or(isNull(attachments.validTo), gt(attachments.validTo, at)));
}

/** R21, R32 #7: is any of these customers a member of the group at `at`? */
export async function isGroupMember(
  db: Db,
  chargeGroupId: string,
  customerIds: string[],
  at: Date,
): Promise<boolean> {
  if (customerIds.length === 0) return false;
  const rows = await db
    .select({ id: attachments.id })
    .from(attachments)
    .where(
      and(
        eq(attachments.assetType, "charge_group"),
        eq(attachments.assetId, chargeGroupId),
        eq(attachments.role, "group_member"),
        inArray(attachments.customerId, customerIds),
        openAt(at),
      ),
    )
    .limit(1);
  return rows.length > 0;
}
