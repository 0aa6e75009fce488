import type {
  AddVatEntityInput,
  BillingRecords,
  MandateView,
  SignMandateInput,
  VatEntityView,
} from "@voltlane/contracts";
import { type Db, directDebitMandates, vatEntities } from "@voltlane/db";
import { and, desc, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { AppError, businessRule, isUniqueViolation, notFound } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { assertCan } from "../policy/can";
import { normaliseVatNumber } from "./customer-fields";
import {
  assertNotViewAs,
  type CustomerRow,
  loadVisibleCustomer,
  lockVisibleCustomer,
  ownershipOf,
} from "./customer-scope";

type VatRow = typeof vatEntities.$inferSelect;
type MandateRow = typeof directDebitMandates.$inferSelect;

const toVatEntityView = (v: VatRow): VatEntityView => ({
  id: v.id,
  invoiceName: v.invoiceName,
  vatNumber: v.vatNumber,
  status: v.status as VatEntityView["status"],
  checkedAt: v.checkedAt?.toISOString() ?? null,
  createdAt: v.createdAt.toISOString(),
});

const toMandateView = (m: MandateRow): MandateView => ({
  id: m.id,
  reference: m.reference,
  scheme: m.scheme as MandateView["scheme"],
  signedAt: m.signedAt.toISOString(),
  iban: m.iban,
  status: m.status as MandateView["status"],
});

/** §6 Profile and System User View header: VAT entities and mandates ("Billing data", own scope O). */
export async function getBillingRecords(
  deps: CoreDeps,
  p: Principal,
  customerId: string,
): Promise<BillingRecords> {
  const customer = await loadVisibleCustomer(deps.db, p, customerId);
  assertCan(p, "billing_data", "read", ownershipOf(customer));
  const vats = await deps.db
    .select()
    .from(vatEntities)
    .where(eq(vatEntities.customerId, customer.id))
    .orderBy(desc(vatEntities.createdAt));
  const mandates = await deps.db
    .select()
    .from(directDebitMandates)
    .where(eq(directDebitMandates.customerId, customer.id))
    .orderBy(desc(directDebitMandates.signedAt));
  return { vatEntities: vats.map(toVatEntityView), mandates: mandates.map(toMandateView) };
}

async function lockForBillingWrite(tx: Db, p: Principal, customerId: string): Promise<CustomerRow> {
  assertNotViewAs(p);
  const customer = await lockVisibleCustomer(tx, p, customerId);
  assertCan(p, "billing_data", "write", ownershipOf(customer));
  return customer;
}

/** R13: companies may have several VAT entities; each starts `unchecked` until VIES says otherwise. */
export async function addCustomerVatEntity(
  deps: CoreDeps,
  p: Principal,
  customerId: string,
  input: AddVatEntityInput,
): Promise<VatEntityView> {
  const vatNumber = normaliseVatNumber(input.vatNumber)!;
  return deps.db.transaction(async (tx) => {
    const customer = await lockForBillingWrite(tx, p, customerId);
    if (customer.type !== "company") throw businessRule("R13", "only companies have VAT entities");
    const [existing] = await tx
      .select()
      .from(vatEntities)
      .where(and(eq(vatEntities.customerId, customer.id), eq(vatEntities.vatNumber, vatNumber)));
    if (existing)
      throw new AppError("duplicate", "this VAT number is already listed", [
        { path: "vatNumber", message: "this VAT number is already listed" },
      ]);
    const [row] = await tx
      .insert(vatEntities)
      .values({
        providerId: p.providerId,
        customerId: customer.id,
        invoiceName: input.invoiceName,
        vatNumber,
      })
      .returning();
    await recordAudit(tx, p, {
      action: "vat_entity.create",
      entityType: "vat_entity",
      entityId: row!.id,
      after: row,
    });
    return toVatEntityView(row!);
  });
}

/**
 * R12: a direct debit mandate for the customer's current IBAN, signed now; it replaces the active
 * one (one active mandate per customer, our design). The reference is unique per provider.
 */
export async function signMandate(
  deps: CoreDeps,
  p: Principal,
  customerId: string,
  input: SignMandateInput,
): Promise<MandateView> {
  return deps.db.transaction(async (tx) => {
    const customer = await lockForBillingWrite(tx, p, customerId);
    if (!customer.iban) throw businessRule("R12", "a mandate needs an IBAN; add the IBAN first");
    const now = deps.clock.now();
    await revokeActive(tx, p, customer.id, now);
    const count = await tx.$count(directDebitMandates, eq(directDebitMandates.customerId, customer.id));
    const [row] = await tx
      .insert(directDebitMandates)
      .values({
        providerId: p.providerId,
        customerId: customer.id,
        reference: `${customer.customerNumber}-M${String(count + 1).padStart(3, "0")}`,
        scheme: input.scheme ?? (customer.type === "company" ? "b2b" : "core"),
        signedAt: now,
        iban: customer.iban,
        status: "active",
      })
      .returning()
      .catch((error: unknown) => {
        if (isUniqueViolation(error))
          throw new AppError("conflict", "that mandate reference is taken; try again");
        throw error;
      });
    await recordAudit(tx, p, {
      action: "mandate.sign",
      entityType: "mandate",
      entityId: row!.id,
      after: row,
    });
    return toMandateView(row!);
  });
}

async function revokeActive(tx: Db, p: Principal, customerId: string, at: Date, mandateId?: string) {
  const revoked = await tx
    .update(directDebitMandates)
    .set({ status: "revoked" })
    .where(
      and(
        eq(directDebitMandates.customerId, customerId),
        eq(directDebitMandates.status, "active"),
        mandateId ? eq(directDebitMandates.id, mandateId) : undefined,
      ),
    )
    .returning();
  for (const row of revoked)
    await recordAudit(tx, p, {
      action: "mandate.revoke",
      entityType: "mandate",
      entityId: row.id,
      after: row,
      at,
    });
  return revoked;
}

/** R12: after revoking, the customer is invoiced but no longer debited. */
export async function revokeMandate(
  deps: CoreDeps,
  p: Principal,
  customerId: string,
  mandateId: string,
): Promise<MandateView> {
  return deps.db.transaction(async (tx) => {
    const customer = await lockForBillingWrite(tx, p, customerId);
    const [row] = await revokeActive(tx, p, customer.id, deps.clock.now(), mandateId);
    if (!row) throw notFound("active mandate");
    return toMandateView(row);
  });
}
