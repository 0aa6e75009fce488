import type { ChangeCustomerTypeInput, CustomerView } from "@voltlane/contracts";
import { customers, type Db, employmentLinks, loginUsers } from "@voltlane/db";
import { and, count, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { AppError, businessRule } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { assertCan } from "../policy/can";
import { addVatEntity, assertActiveCompany, startEmployment } from "./create-customer";
import { normaliseVatNumber } from "./customer-fields";
import { assertNotViewAs, type CustomerRow, lockVisibleCustomer } from "./customer-scope";
import { toCustomerViewOne } from "./customer-view";
import { endEmployment } from "./end-employment";
import { roleOfCustomerType } from "./login-users";

/**
 * POST /customers/{id}/change-type (R10, R11, W7): only super, admin and support. Logins, history
 * and invoices stay; the logins take the role of the new type. employee → * ends the employment
 * (off-boarding, R65); → employee needs an active company of the provider; a company with
 * employees keeps its type.
 */
export async function changeCustomerType(
  deps: CoreDeps,
  p: Principal,
  id: string,
  input: ChangeCustomerTypeInput,
): Promise<CustomerView> {
  assertNotViewAs(p);
  assertCan(p, "customer_type", "write");
  const vatNumber = normaliseVatNumber(input.vatNumber);
  if (input.type === "employee" && !input.companyId) {
    throw new AppError("validation_failed", "an employee needs a company (R11)", [
      { path: "companyId", message: "required for type employee" },
    ]);
  }
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    let row = await lockVisibleCustomer(tx, p, id);
    const before = row;
    await assertTypeChangeAllowed(tx, row, input);
    if (row.type === "employee") row = await endEmployment(tx, p, row, now);
    const [after] = await tx
      .update(customers)
      .set({
        type: input.type,
        companyId: input.type === "employee" ? input.companyId! : null,
        ...(input.type === "company" && input.cocNumber ? { cocNumber: input.cocNumber } : {}),
        updatedAt: now,
      })
      .where(eq(customers.id, id))
      .returning();
    const logins = await tx
      .update(loginUsers)
      .set({ role: roleOfCustomerType[input.type], updatedAt: now })
      .where(eq(loginUsers.customerId, id))
      .returning();
    if (input.type === "employee") {
      const webAccess = logins.some((l) => l.enabled);
      const link = {
        companyId: input.companyId!,
        employeeId: id,
        employeeNumber: input.employeeNumber ?? null,
        webAccess,
      };
      await startEmployment(tx, p, link, now);
    }
    if (input.type === "company" && vatNumber) await addVatEntity(tx, p, after!, vatNumber);
    await recordAudit(tx, p, {
      action: "customer.change_type",
      entityType: "customer",
      entityId: id,
      before,
      after,
    });
    return toCustomerViewOne(tx, after!);
  });
}

async function assertTypeChangeAllowed(tx: Db, row: CustomerRow, input: ChangeCustomerTypeInput) {
  if (row.type === input.type) throw businessRule("R11", `the customer already is of type ${input.type}`);
  if (row.status !== "active") throw businessRule("R11", "a closed customer keeps its type");
  if (row.type === "company") {
    const [{ employees } = { employees: 0 }] = await tx
      .select({ employees: count() })
      .from(employmentLinks)
      .where(and(eq(employmentLinks.companyId, row.id), isNull(employmentLinks.validTo)));
    if (employees > 0) throw businessRule("R10", "a company with employees cannot change type");
  }
  if (input.type === "employee") {
    if (input.companyId === row.id) throw businessRule("R10", "a customer cannot be its own employee");
    await assertActiveCompany(tx, row.providerId, input.companyId!);
  }
}
