import type { CustomerView } from "@voltlane/contracts";
import { type Db, employmentLinks, vatEntities } from "@voltlane/db";
import { and, desc, inArray, isNull } from "drizzle-orm";
import type { CustomerRow } from "./customer-scope";

type VatRow = typeof vatEntities.$inferSelect;
type LinkRow = typeof employmentLinks.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toCustomerView(row: CustomerRow, vat?: VatRow, link?: LinkRow): CustomerView {
  return {
    id: row.id,
    customerNumber: row.customerNumber,
    contractId: row.contractId,
    type: row.type as CustomerView["type"],
    status: row.status as CustomerView["status"],
    name: row.name,
    email: row.email,
    invoiceEmail: row.invoiceEmail,
    phone: row.phone,
    address: row.address,
    language: row.language === "nl" ? "nl" : "en",
    reference: row.reference,
    companyId: row.companyId,
    iban: row.iban,
    bic: row.bic,
    accountHolder: row.accountHolder,
    cocNumber: row.cocNumber,
    vatNumber: vat?.vatNumber ?? null,
    vatStatus: (vat?.status as CustomerView["vatStatus"]) ?? null,
    termsAcceptedAt: iso(row.termsAcceptedAt),
    termsVersion: row.termsVersion,
    employment: link
      ? {
          validFrom: link.validFrom.toISOString(),
          employeeNumber: link.employeeNumber,
          webAccess: link.webAccess,
        }
      : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Views for a page of customers: their latest VAT entity and open employment link, two queries. */
export async function toCustomerViews(db: Db, rows: CustomerRow[]): Promise<CustomerView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const vats = await db
    .select()
    .from(vatEntities)
    .where(inArray(vatEntities.customerId, ids))
    .orderBy(desc(vatEntities.createdAt));
  const links = await db
    .select()
    .from(employmentLinks)
    .where(and(inArray(employmentLinks.employeeId, ids), isNull(employmentLinks.validTo)));
  const latestVat = new Map<string, VatRow>();
  for (const v of vats) if (!latestVat.has(v.customerId)) latestVat.set(v.customerId, v);
  const openLink = new Map(links.map((l) => [l.employeeId, l]));
  return rows.map((r) => toCustomerView(r, latestVat.get(r.id), openLink.get(r.id)));
}

export async function toCustomerViewOne(db: Db, row: CustomerRow): Promise<CustomerView> {
  const [view] = await toCustomerViews(db, [row]);
  return view!;
}
