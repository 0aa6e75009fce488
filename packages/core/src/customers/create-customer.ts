import type { CreateCustomerInput, CustomerView } from "@voltlane/contracts";
import { customers, type Db, employmentLinks, vatEntities } from "@voltlane/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { AppError, businessRule, forbidden, isUniqueViolation, notFound } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { assertCan, scopeOf } from "../policy/can";
import { normaliseBic, normaliseEmail, normaliseIban, normaliseVatNumber } from "./customer-fields";
import { assertNotViewAs, type CustomerRow } from "./customer-scope";
import { toCustomerViewOne } from "./customer-view";
import { createLoginUser } from "./login-users";
import { nextCustomerNumber } from "./next-customer-number";

/**
 * POST /customers: a private user with its login, a company with its first company admin, or an
 * employee of a company with an open employment link (R10) and, with web access, a login (W6).
 * Logins without a password get an invitation e-mail. One transaction, audited (R8).
 */
export async function createCustomer(
  deps: CoreDeps,
  p: Principal,
  input: CreateCustomerInput,
): Promise<CustomerView> {
  assertNotViewAs(p);
  authorizeCreate(p, input);
  // Validate before opening the transaction: bad input writes nothing.
  const iban = normaliseIban(input.iban);
  const bic = normaliseBic(input.bic);
  const vatNumber = input.type === "company" ? normaliseVatNumber(input.vatNumber) : undefined;
  return deps.db.transaction(async (tx) => {
    const txDeps = { ...deps, db: tx };
    if (input.type === "employee") await assertActiveCompany(tx, p.providerId, input.companyId);
    const row = await insertCustomer(tx, p, input, { iban: iban ?? null, bic: bic ?? null });
    await recordAudit(tx, p, {
      action: "customer.create",
      entityType: "customer",
      entityId: row.id,
      after: row,
    });
    if (input.type === "private") {
      await createLoginUser(txDeps, p, {
        customerId: row.id,
        email: input.email,
        name: input.name,
        role: "private_user",
        password: input.password,
        language: row.language,
      });
    } else if (input.type === "company") {
      if (vatNumber) await addVatEntity(tx, p, row, vatNumber);
      await createLoginUser(txDeps, p, {
        customerId: row.id,
        email: input.admin.email,
        name: input.admin.name,
        role: "company_admin",
        password: input.admin.password,
        language: input.admin.language ?? row.language,
      });
    } else {
      await startEmployment(
        tx,
        p,
        {
          companyId: input.companyId,
          employeeId: row.id,
          employeeNumber: input.employeeNumber ?? null,
          webAccess: input.webAccess,
        },
        deps.clock.now(),
      );
      if (input.webAccess) {
        await createLoginUser(txDeps, p, {
          customerId: row.id,
          email: input.email,
          name: input.name,
          role: "employee",
          password: input.password,
          language: row.language,
        });
      }
    }
    return toCustomerViewOne(tx, row);
  });
}

function authorizeCreate(p: Principal, input: CreateCustomerInput): void {
  if (input.type === "employee") {
    // Employees and private users have no employee rights at all: 403, not 404.
    if (scopeOf(p, "employees") === "none") throw forbidden("not allowed: employees write");
    // Company admins create employees of their own company only ("Employees" O).
    assertCan(p, "employees", "write", { customerIds: [input.companyId] });
  } else {
    assertCan(p, "customers", "write");
  }
  if (p.kind === "customer" && (input.customerNumber || input.contractId || input.reference)) {
    throw forbidden("customer number, contract id and reference are set by staff");
  }
  if (p.kind === "customer" && input.type === "employee" && input.password) {
    throw forbidden("the employee sets their own password through the invitation");
  }
}

/** R10: an employee's company is an active company of the same provider. */
export async function assertActiveCompany(
  db: Db,
  providerId: string,
  companyId: string,
): Promise<CustomerRow> {
  const [company] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.id, companyId), eq(customers.providerId, providerId)));
  if (!company) throw notFound("company");
  if (company.type !== "company" || company.status !== "active") {
    throw businessRule("R10", "an employee belongs to an active company");
  }
  return company;
}

async function insertCustomer(
  tx: Db,
  p: Principal,
  input: CreateCustomerInput,
  billing: { iban: string | null; bic: string | null },
): Promise<CustomerRow> {
  const customerNumber = input.customerNumber ?? (await nextCustomerNumber(tx, p.providerId));
  try {
    const [row] = await tx
      .insert(customers)
      .values({
        providerId: p.providerId,
        customerNumber,
        contractId: input.contractId ?? null,
        type: input.type,
        name: input.name,
        email: normaliseEmail(input.email),
        invoiceEmail: input.invoiceEmail ? normaliseEmail(input.invoiceEmail) : null,
        phone: input.phone ?? null,
        address: input.address ?? {},
        language: input.language ?? "en",
        reference: input.reference ?? null,
        termsAcceptedAt: input.termsAcceptedAt ? new Date(input.termsAcceptedAt) : null,
        termsVersion: input.termsVersion ?? null,
        companyId: input.type === "employee" ? input.companyId : null,
        ...billing,
        accountHolder: input.accountHolder ?? null,
        cocNumber: input.type === "company" ? (input.cocNumber ?? null) : null,
      })
      .returning();
    return row!;
  } catch (error) {
    if (isUniqueViolation(error, "customers_number_uq")) {
      throw new AppError("duplicate", "this customer number is already in use", [
        { path: "customerNumber", message: "already in use" },
      ]);
    }
    throw error;
  }
}

/** R13: a VAT entity starts `unchecked`; VIES is not reachable from here, a later job checks it. */
export async function addVatEntity(tx: Db, p: Principal, row: CustomerRow, vatNumber: string): Promise<void> {
  const [entity] = await tx
    .insert(vatEntities)
    .values({ providerId: p.providerId, customerId: row.id, invoiceName: row.name, vatNumber })
    .returning();
  await recordAudit(tx, p, {
    action: "vat_entity.create",
    entityType: "vat_entity",
    entityId: entity!.id,
    after: entity,
  });
}

/** R10: the one open employment link; `customers.companyId` mirrors it. */
export async function startEmployment(
  tx: Db,
  p: Principal,
  link: { companyId: string; employeeId: string; employeeNumber: string | null; webAccess: boolean },
  at: Date,
): Promise<void> {
  try {
    const [row] = await tx
      .insert(employmentLinks)
      .values({ providerId: p.providerId, ...link, validFrom: at })
      .returning();
    await recordAudit(tx, p, {
      action: "employment.start",
      entityType: "employment_link",
      entityId: row!.id,
      after: row,
    });
  } catch (error) {
    if (isUniqueViolation(error, "employment_open_uq")) {
      throw businessRule("R10", "the customer already has an open employment link");
    }
    throw error;
  }
}
