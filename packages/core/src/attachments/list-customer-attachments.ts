import type { AttachmentItem, CustomerAttachments } from "@voltlane/contracts";
import { attachments, customers, employmentLinks } from "@voltlane/db";
import { and, desc, eq } from "drizzle-orm";
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
 * links (R10). Asset names are their ids until the asset features provide a lookup.
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
  for (const row of rows) {
    const list = listOf[row.assetType as keyof typeof listOf];
    if (!list) continue;
    result[list].push({
      id: row.id,
      assetId: row.assetId,
      name: row.assetId,
      role: row.role,
      validFrom: row.validFrom.toISOString(),
      validTo: iso(row.validTo),
    });
  }
  result.employees = await listEmployeesOf(deps, customer.id, p.providerId);
  return result;
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
