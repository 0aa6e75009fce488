import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, ts, updatedAt } from "./columns";
import { providers } from "./tenancy";

export type Address = {
  line1?: string;
  line2?: string;
  postalCode?: string;
  city?: string;
  country?: string;
};

export const customers = pgTable(
  "customers",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    customerNumber: text("customer_number").notNull(),
    contractId: text("contract_id"),
    type: text("type").notNull(), // private | company | employee
    status: text("status").notNull().default("active"),
    name: text("name").notNull(),
    email: text("email"),
    invoiceEmail: text("invoice_email"),
    phone: text("phone"),
    address: jsonb("address").$type<Address>().notNull().default({}),
    language: text("language").notNull().default("en"),
    reference: text("reference"),
    termsAcceptedAt: ts("terms_accepted_at"),
    termsVersion: text("terms_version"),
    companyId: uuid("company_id"),
    iban: text("iban"),
    bic: text("bic"),
    accountHolder: text("account_holder"),
    cocNumber: text("coc_number"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("customers_number_uq").on(t.providerId, t.customerNumber),
    index("customers_company_ix").on(t.companyId),
    index("customers_provider_type_ix").on(t.providerId, t.type),
  ],
);

export const vatEntities = pgTable(
  "vat_entities",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    invoiceName: text("invoice_name").notNull(),
    vatNumber: text("vat_number").notNull(),
    status: text("status").notNull().default("unchecked"),
    checkedAt: ts("checked_at"),
    createdAt: createdAt(),
  },
  (t) => [index("vat_entities_customer_ix").on(t.customerId)],
);

export const directDebitMandates = pgTable(
  "direct_debit_mandates",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    reference: text("reference").notNull(),
    scheme: text("scheme").notNull().default("core"),
    signedAt: ts("signed_at").notNull(),
    iban: text("iban").notNull(),
    status: text("status").notNull().default("active"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("mandates_reference_uq").on(t.providerId, t.reference)],
);

export const employmentLinks = pgTable(
  "employment_links",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    companyId: uuid("company_id")
      .notNull()
      .references(() => customers.id),
    employeeId: uuid("employee_id")
      .notNull()
      .references(() => customers.id),
    validFrom: ts("valid_from").notNull().defaultNow(),
    validTo: ts("valid_to"),
    employeeNumber: text("employee_number"),
    webAccess: boolean("web_access").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    // R10: exactly one open employment link per employee.
    uniqueIndex("employment_open_uq").on(t.employeeId).where(sql`valid_to is null`),
  ],
);

/** R9: dated links between customers and assets; never deleted, detaching sets validTo. */
export const attachments = pgTable(
  "attachments",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    assetType: text("asset_type").notNull(), // charge_point | charge_card | charge_group | grid | employee
    assetId: text("asset_id").notNull(),
    role: text("role").notNull(),
    validFrom: ts("valid_from").notNull().defaultNow(),
    validTo: ts("valid_to"),
    createdBy: uuid("created_by"),
    createdAt: createdAt(),
  },
  (t) => [
    index("attachments_customer_ix").on(t.customerId),
    index("attachments_asset_ix").on(t.assetType, t.assetId),
    // R9: single-valued roles have at most one open link per asset.
    uniqueIndex("attachments_single_role_uq")
      .on(t.assetType, t.assetId, t.role)
      .where(
        sql`valid_to is null and role in ('card_user','card_payer','cp_receiver','cp_subscription_payer','employee_of')`,
      ),
  ],
);
