import type { CreateLoginUserInput, LoginUserView, UpdateLoginUserInput } from "@voltlane/contracts";
import { employmentLinks, loginUsers } from "@voltlane/db";
import { and, asc, eq, isNull, ne } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { AppError, businessRule, forbidden, notFound } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { assertCan } from "../policy/can";
import {
  assertNotViewAs,
  type CustomerRow,
  loadVisibleCustomer,
  lockVisibleCustomer,
} from "./customer-scope";
import { createLoginUser, roleOfCustomerType, toLoginUserView } from "./login-users";

/** GET /customers/{id}/users: the logins of a visible customer. */
export async function listCustomerUsers(
  deps: CoreDeps,
  p: Principal,
  customerId: string,
): Promise<LoginUserView[]> {
  const customer = await loadVisibleCustomer(deps.db, p, customerId);
  const rows = await deps.db
    .select()
    .from(loginUsers)
    .where(eq(loginUsers.customerId, customer.id))
    .orderBy(asc(loginUsers.createdAt));
  return rows.map(toLoginUserView);
}

/** Staff add logins; a company admin adds another admin of its own company (§6 Profile "add admin"). */
function assertManagesLogins(p: Principal, customer: CustomerRow): void {
  if (p.kind === "system") {
    assertCan(p, "customers", "write");
    return;
  }
  if (p.role !== "company_admin" || customer.id !== p.customerId) {
    throw forbidden("only staff and the company's admins manage its logins");
  }
}

export async function addCustomerUser(
  deps: CoreDeps,
  p: Principal,
  customerId: string,
  input: CreateLoginUserInput,
): Promise<LoginUserView> {
  assertNotViewAs(p);
  return deps.db.transaction(async (tx) => {
    const customer = await lockVisibleCustomer(tx, p, customerId);
    assertManagesLogins(p, customer);
    if (customer.type === "employee") {
      const [existing] = await tx.select().from(loginUsers).where(eq(loginUsers.customerId, customerId));
      if (existing)
        throw new AppError("conflict", "an employee has one login; toggle its web access instead");
      await tx
        .update(employmentLinks)
        .set({ webAccess: true })
        .where(and(eq(employmentLinks.employeeId, customerId), isNull(employmentLinks.validTo)));
    }
    const row = await createLoginUser({ ...deps, db: tx }, p, {
      customerId,
      email: input.email,
      name: input.name,
      role: roleOfCustomerType[customer.type]!,
      password: input.password,
      language: input.language ?? customer.language,
    });
    return toLoginUserView(row);
  });
}

/** PATCH /customers/{id}/users/{userId}: rename, language, and disabling ("DELETE" of a login). */
export async function updateCustomerUser(
  deps: CoreDeps,
  p: Principal,
  customerId: string,
  userId: string,
  input: UpdateLoginUserInput,
): Promise<LoginUserView> {
  assertNotViewAs(p);
  return deps.db.transaction(async (tx) => {
    const customer = await lockVisibleCustomer(tx, p, customerId);
    const self = p.kind === "customer" && p.userId === userId;
    if (!self || input.enabled !== undefined) assertManagesLogins(p, customer);
    const [before] = await tx
      .select()
      .from(loginUsers)
      .where(and(eq(loginUsers.id, userId), eq(loginUsers.customerId, customerId)));
    if (!before) throw notFound("login");
    if (input.enabled === false && before.enabled && before.role === "company_admin") {
      const [other] = await tx
        .select({ id: loginUsers.id })
        .from(loginUsers)
        .where(
          and(eq(loginUsers.customerId, customerId), eq(loginUsers.enabled, true), ne(loginUsers.id, userId)),
        );
      if (!other)
        throw businessRule("company_admin", "a company keeps at least one enabled company admin (§2)");
    }
    const [after] = await tx
      .update(loginUsers)
      .set({ ...input, updatedAt: deps.clock.now() })
      .where(eq(loginUsers.id, userId))
      .returning();
    await recordAudit(tx, p, {
      action: "login_user.update",
      entityType: "login_user",
      entityId: userId,
      before,
      after,
    });
    return toLoginUserView(after!);
  });
}
