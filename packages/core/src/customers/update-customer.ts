import type { CustomerView, UpdateCustomerInput } from "@voltlane/contracts";
import { customers, type Db, employmentLinks, vatEntities } from "@voltlane/db";
import { and, desc, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { AppError, forbidden } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { assertCan, scopeOf } from "../policy/can";
import { addVatEntity } from "./create-customer";
import { normaliseBic, normaliseEmail, normaliseIban, normaliseVatNumber } from "./customer-fields";
import { assertNotViewAs, type CustomerRow, lockVisibleCustomer, ownershipOf } from "./customer-scope";
import { toCustomerViewOne } from "./customer-view";
import { setWebAccess } from "./set-web-access";

const profileFields = ["name", "phone", "address", "language", "invoiceEmail"] as const;
const billingFields = ["iban", "bic", "accountHolder", "vatNumber"] as const;
const employeeFields = ["webAccess", "employeeNumber"] as const;
const staffFields = [
  "email",
  "contractId",
  "reference",
  "cocNumber",
  "status",
  "termsAcceptedAt",
  "termsVersion",
] as const;

const touches = (input: UpdateCustomerInput, fields: readonly (keyof UpdateCustomerInput)[]) =>
  fields.some((f) => input[f] !== undefined);

/**
 * PATCH /customers/{id}. Staff edit per the matrix; every login edits its own profile and billing
 * data (§2 "Billing data" O); company admins also their employees' profile and web access. Type and
 * company change only through change-type (R11).
 */
export async function updateCustomer(
  deps: CoreDeps,
  p: Principal,
  id: string,
  input: UpdateCustomerInput,
): Promise<CustomerView> {
  assertNotViewAs(p);
  return deps.db.transaction(async (tx) => {
    const before = await lockVisibleCustomer(tx, p, id);
    authorizeUpdate(p, before, input);
    const [after] = await tx
      .update(customers)
      .set({ ...columnsOf(input), updatedAt: deps.clock.now() })
      .where(eq(customers.id, id))
      .returning();
    await recordAudit(tx, p, {
      action: "customer.update",
      entityType: "customer",
      entityId: id,
      before,
      after,
    });
    const vatNumber = normaliseVatNumber(input.vatNumber);
    if (vatNumber) await addVatEntityIfNew(tx, p, after!, vatNumber);
    if (input.employeeNumber !== undefined) await setEmployeeNumber(tx, p, id, input.employeeNumber);
    if (input.webAccess !== undefined) await setWebAccess({ ...deps, db: tx }, p, after!, input.webAccess);
    return toCustomerViewOne(tx, after!);
  });
}

function authorizeUpdate(p: Principal, row: CustomerRow, input: UpdateCustomerInput): void {
  // A visible row is the principal's own customer or (company admins) one of its employees.
  if (touches(input, profileFields) && p.kind === "system") assertCan(p, "customers", "write");
  if (touches(input, billingFields)) assertCan(p, "billing_data", "write", ownershipOf(row));
  if (touches(input, employeeFields)) {
    if (row.type !== "employee") {
      throw new AppError("validation_failed", "only employees have web access and an employee number", [
        { path: input.webAccess !== undefined ? "webAccess" : "employeeNumber", message: "not an employee" },
      ]);
    }
    if (scopeOf(p, "employees") === "none") throw forbidden("not allowed: employees write");
    assertCan(p, "employees", "write", { customerIds: [row.companyId] });
  }
  if (touches(input, staffFields)) {
    if (p.kind !== "system") throw forbidden("only staff edit these fields");
    assertCan(p, "customers", "write");
  }
}

function columnsOf(input: UpdateCustomerInput): Partial<typeof customers.$inferInsert> {
  const set: Partial<typeof customers.$inferInsert> = {};
  if (input.name !== undefined) set.name = input.name;
  if (input.phone !== undefined) set.phone = input.phone;
  if (input.address !== undefined) set.address = input.address;
  if (input.language !== undefined) set.language = input.language;
  if (input.invoiceEmail !== undefined)
    set.invoiceEmail = input.invoiceEmail && normaliseEmail(input.invoiceEmail);
  if (input.iban !== undefined) set.iban = normaliseIban(input.iban);
  if (input.bic !== undefined) set.bic = normaliseBic(input.bic);
  if (input.accountHolder !== undefined) set.accountHolder = input.accountHolder;
  if (input.email !== undefined) set.email = normaliseEmail(input.email);
  if (input.contractId !== undefined) set.contractId = input.contractId;
  if (input.reference !== undefined) set.reference = input.reference;
  if (input.cocNumber !== undefined) set.cocNumber = input.cocNumber;
  if (input.status !== undefined) set.status = input.status;
  if (input.termsAcceptedAt !== undefined) set.termsAcceptedAt = new Date(input.termsAcceptedAt);
  if (input.termsVersion !== undefined) set.termsVersion = input.termsVersion;
  return set;
}

async function addVatEntityIfNew(tx: Db, p: Principal, row: CustomerRow, vatNumber: string) {
  const [latest] = await tx
    .select()
    .from(vatEntities)
    .where(eq(vatEntities.customerId, row.id))
    .orderBy(desc(vatEntities.createdAt))
    .limit(1);
  if (latest?.vatNumber !== vatNumber) await addVatEntity(tx, p, row, vatNumber);
}

async function setEmployeeNumber(tx: Db, p: Principal, employeeId: string, employeeNumber: string | null) {
  const open = and(eq(employmentLinks.employeeId, employeeId), isNull(employmentLinks.validTo));
  const [before] = await tx.select().from(employmentLinks).where(open);
  if (!before) return;
  const [after] = await tx
    .update(employmentLinks)
    .set({ employeeNumber })
    .where(eq(employmentLinks.id, before.id))
    .returning();
  await recordAudit(tx, p, {
    action: "employment.update",
    entityType: "employment_link",
    entityId: before.id,
    before,
    after,
  });
}
