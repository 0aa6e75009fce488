import type { AttachmentItem, CustomerAttachments } from "@voltlane/contracts";
import {
  attachments,
  chargeCards,
  chargeGroups,
  chargePoints,
  customers,
  type Db,
  employmentLinks,
  grids,
} from "@voltlane/db";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import { loadVisibleCustomer } from "../customers/customer-scope";
import type { CoreDeps } from "../platform/deps";
import { assertCan } from "../policy/can";

const listOf = {
  charge_point: "chargePoints",
  charge_card: "chargeCards",
  charge_group: "chargeGroups",
  grid: "grids",
} as const;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The Attachments tab (§6): open and ended links, newest first. Employees come from employment
 * links (R10). Assets are shown by name: charge point name, card number (and label), group name
 * (and code), grid name.
 */
export async function listCustomerAttachments(
  deps: CoreDeps,
  p: Principal,
  customerId: string,
): Promise<CustomerAttachments> {
  if (p.kind === "system") assertCan(p, "attachments", "read");
  const customer = await loadVisibleCustomer(deps.db, p, customerId);
  const result: CustomerAttachments = {
    chargePoints: [],
    chargeCards: [],
    chargeGroups: [],
    grids: [],
    employees: [],
  };
  const rows = await deps.db
    .select()
    .from(attachments)
    .where(and(eq(attachments.customerId, customer.id), eq(attachments.providerId, p.providerId)))
    .orderBy(desc(attachments.validFrom));
  const names = await assetNames(deps.db, p.providerId, rows);
  for (const row of rows) {
    const list = listOf[row.assetType as keyof typeof listOf];
    if (!list) continue;
    result[list].push({
      id: row.id,
      assetId: row.assetId,
      name: names.get(`${row.assetType}:${row.assetId}`) ?? row.assetId,
      role: row.role,
      validFrom: row.validFrom.toISOString(),
      validTo: iso(row.validTo),
    });
  }
  result.employees = await listEmployeesOf(deps, customer.id, p.providerId);
  return result;
}

type AttachmentRow = typeof attachments.$inferSelect;

/** Display names of the attached assets, one query per asset type, keyed `type:id`. */
async function assetNames(db: Db, providerId: string, rows: AttachmentRow[]): Promise<Map<string, string>> {
  const idsOf = (type: string) => [
    ...new Set(rows.filter((r) => r.assetType === type).map((r) => r.assetId)),
  ];
  const names = new Map<string, string>();
  const cpIds = idsOf("charge_point");
  if (cpIds.length > 0) {
    const found = await db
      .select({ id: chargePoints.id, name: chargePoints.name })
      .from(chargePoints)
      .where(and(eq(chargePoints.providerId, providerId), inArray(chargePoints.id, cpIds)));
    for (const c of found)
      names.set(`charge_point:${c.id}`, c.name && c.name !== c.id ? `${c.name} (${c.id})` : c.id);
  }
  const uuidIds = (type: string) => idsOf(type).filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const cardIds = uuidIds("charge_card");
  if (cardIds.length > 0) {
    const found = await db
      .select({ id: chargeCards.id, externalId: chargeCards.externalId, label: chargeCards.label })
      .from(chargeCards)
      .where(and(eq(chargeCards.providerId, providerId), inArray(chargeCards.id, cardIds)));
    for (const c of found)
      names.set(`charge_card:${c.id}`, c.label ? `${c.externalId} (${c.label})` : c.externalId);
  }
  const groupIds = uuidIds("charge_group");
  if (groupIds.length > 0) {
    const found = await db
      .select({ id: chargeGroups.id, name: chargeGroups.name, code: chargeGroups.code })
      .from(chargeGroups)
      .where(and(eq(chargeGroups.providerId, providerId), inArray(chargeGroups.id, groupIds)));
    for (const g of found) names.set(`charge_group:${g.id}`, `${g.name} (${g.code})`);
  }
  const gridIds = uuidIds("grid");
  if (gridIds.length > 0) {
    const found = await db
      .select({ id: grids.id, name: grids.name })
      .from(grids)
      .where(and(eq(grids.providerId, providerId), inArray(grids.id, gridIds)));
    for (const g of found) names.set(`grid:${g.id}`, g.name);
  }
  return names;
}

async function listEmployeesOf(
  deps: CoreDeps,
  companyId: string,
  providerId: string,
): Promise<AttachmentItem[]> {
  const links = await deps.db
    .select({ link: employmentLinks, name: customers.name })
    .from(employmentLinks)
    .innerJoin(customers, eq(customers.id, employmentLinks.employeeId))
    .where(and(eq(employmentLinks.companyId, companyId), eq(employmentLinks.providerId, providerId)))
    .orderBy(desc(employmentLinks.validFrom));
  return links.map(({ link, name }) => ({
    id: link.id,
    assetId: link.employeeId,
    name,
    role: "employee_of",
    validFrom: link.validFrom.toISOString(),
    validTo: iso(link.validTo),
  }));
}
