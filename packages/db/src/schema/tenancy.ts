import { boolean, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./columns";

export type ProviderSettings = {
  invoiceRunDay: number;
  paymentTermDays: number;
  selfBillPayoutDays: number;
  reimbursementPayoutDays: number;
  minSessionSeconds: number;
  minSessionWh: number;
  maxPlausibleSessionWh: number;
  acceptUnknownChargePoints: boolean;
  reviewBeforeIssue: boolean;
  ticketAutoCloseDays: number;
  requireTwoFactor: boolean;
};

export const providers = pgTable(
  "providers",
  {
    id: id(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    legalName: text("legal_name"),
    address: jsonb("address").$type<Record<string, string>>(),
    vatNumber: text("vat_number"),
    cocNumber: text("coc_number"),
    iban: text("iban"),
    bic: text("bic"),
    country: text("country").notNull().default("NL"),
    currency: text("currency").notNull().default("EUR"),
    timeZone: text("time_zone").notNull().default("Europe/Amsterdam"),
    invoicePrefix: text("invoice_prefix").notNull(),
    branding: jsonb("branding").$type<Record<string, string>>(),
    isPlatformOperator: boolean("is_platform_operator").notNull().default(false),
    status: text("status").notNull().default("active"),
    settings: jsonb("settings").$type<ProviderSettings>().notNull(),
    /** Sequence counters live in their own table (numbering.ts); this is a display-only version. */
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("providers_slug_uq").on(t.slug),
    uniqueIndex("providers_prefix_uq").on(t.invoicePrefix),
  ],
);
