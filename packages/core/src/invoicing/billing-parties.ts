import type { PartySnapshot } from "@voltlane/db";
import { customers, type Db, directDebitMandates, providers, vatEntities } from "@voltlane/db";
import { and, eq, sql } from "drizzle-orm";
import { AppError } from "../errors/app-error";
import type { CustomerType, VatParty } from "./vat";

export type BillingCustomer = VatParty & {
  id: string;
  type: CustomerType;
  name: string;
  invoiceEmail: string | null;
  language: string;
  iban: string | null;
  mandate: { reference: string; signedAt: Date; iban: string } | null;
  snapshot: PartySnapshot;
};

export type BillingProvider = VatParty & {
  id: string;
  name: string;
  currency: string;
  timeZone: string;
  invoicePrefix: string;
  settings: typeof providers.$inferSelect.settings;
  snapshot: PartySnapshot;
};

export async function loadBillingProvider(db: Db, providerId: string): Promise<BillingProvider> {
  const [p] = await db.select().from(providers).where(eq(providers.id, providerId));
  if (!p) throw new AppError("not_found", "provider not found");
  return {
    id: p.id,
    name: p.legalName ?? p.name,
    currency: p.currency,
    timeZone: p.timeZone,
    invoicePrefix: p.invoicePrefix,
    settings: p.settings,
    country: p.country,
    vatNumber: p.vatNumber,
    // The provider's own VAT number is its registration; we take it as valid.
    vatValid: Boolean(p.vatNumber),
    snapshot: {
      name: p.legalName ?? p.name,
      address: p.address ?? {},
      vatNumber: p.vatNumber,
      cocNumber: p.cocNumber,
      iban: p.iban,
      bic: p.bic,
    },
  };
}

/**
 * Customers with their VAT position (R13: only `valid` VAT entities count) and mandate (R12). The
 * ids travel as one uuid[] parameter: a run passes 100,000 of them, above PostgreSQL's 65,535
 * bind-parameter limit for an `IN` list.
 */
export async function loadBillingCustomers(
  db: Db,
  providerId: string,
  ids: readonly string[],
): Promise<Map<string, BillingCustomer>> {
  const result = new Map<string, BillingCustomer>();
  if (ids.length === 0) return result;
  const unique = sql.param([...new Set(ids)]);
  const rows = await db
    .select()
    .from(customers)
    .where(and(eq(customers.providerId, providerId), sql`${customers.id} = any(${unique}::uuid[])`));
  const vats = groupBy(
    await db.select().from(vatEntities).where(sql`${vatEntities.customerId} = any(${unique}::uuid[])`),
  );
  const mandates = groupBy(
    await db
      .select()
      .from(directDebitMandates)
      .where(
        and(
          sql`${directDebitMandates.customerId} = any(${unique}::uuid[])`,
          eq(directDebitMandates.status, "active"),
        ),
      ),
  );
  for (const c of rows) {
    const own = vats.get(c.id) ?? [];
    const vat = own.find((v) => v.status === "valid") ?? own[0];
    const mandate = mandates.get(c.id)?.[0] ?? null;
    const vatValid = vat?.status === "valid";
    result.set(c.id, {
      id: c.id,
      type: c.type as CustomerType,
      name: vat?.invoiceName ?? c.name,
      country: c.address.country ?? "NL",
      vatNumber: vat?.vatNumber ?? null,
      vatValid,
      invoiceEmail: c.invoiceEmail ?? c.email,
      language: c.language,
      iban: c.iban,
      mandate:
        mandate && c.iban
          ? { reference: mandate.reference, signedAt: mandate.signedAt, iban: mandate.iban }
          : null,
      snapshot: {
        name: vat?.invoiceName ?? c.name,
        address: c.address,
        vatNumber: vatValid ? (vat?.vatNumber ?? null) : null,
        cocNumber: c.cocNumber,
        iban: c.iban,
        bic: c.bic,
        customerNumber: c.customerNumber,
        reference: c.reference,
        email: c.invoiceEmail ?? c.email,
        language: c.language,
        directDebit: Boolean(mandate && c.iban),
      },
    });
  }
  return result;
}

function groupBy<T extends { customerId: string }>(rows: T[]): Map<string, T[]> {
  const byCustomer = new Map<string, T[]>();
  for (const row of rows) {
    const list = byCustomer.get(row.customerId);
    if (list) list.push(row);
    else byCustomer.set(row.customerId, [row]);
  }
  return byCustomer;
}
