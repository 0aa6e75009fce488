import type { CustomerRole, LoginUserView } from "@voltlane/contracts";
import { type Db, loginUsers, systemUsers } from "@voltlane/db";
import { and, eq, ne } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import { hashPassword } from "../auth/passwords";
import { issueSetPasswordLink } from "../auth/passwords-flow";
import type { Actor } from "../auth/principal";
import { AppError, isUniqueViolation } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { normaliseEmail } from "./customer-fields";

export type LoginUserRow = typeof loginUsers.$inferSelect;

export const roleOfCustomerType: Record<string, CustomerRole> = {
  company: "company_admin",
  employee: "employee",
  private: "private_user",
};

/** §3: an e-mail address is unique per provider across all logins, staff included. */
export async function assertEmailFree(db: Db, providerId: string, email: string, exceptLoginId?: string) {
  const address = normaliseEmail(email);
  const [login] = await db
    .select({ id: loginUsers.id })
    .from(loginUsers)
    .where(
      and(
        eq(loginUsers.providerId, providerId),
        eq(loginUsers.email, address),
        exceptLoginId ? ne(loginUsers.id, exceptLoginId) : undefined,
      ),
    );
  const [staff] = await db
    .select({ id: systemUsers.id })
    .from(systemUsers)
    .where(and(eq(systemUsers.providerId, providerId), eq(systemUsers.email, address)));
  if (login || staff) throw duplicateEmail();
}

export const duplicateEmail = () =>
  new AppError("duplicate", "this e-mail address is already in use", [
    { path: "email", message: "already in use" },
  ]);

export type NewLogin = {
  customerId: string;
  email: string;
  name: string;
  role: CustomerRole;
  password?: string;
  language?: string;
};

/**
 * Creates a customer's login inside the caller's transaction (`deps.db` = tx). Without a password the
 * login gets an invitation e-mail through the outbox (W6 step 2).
 */
export async function createLoginUser(deps: CoreDeps, actor: Actor, input: NewLogin): Promise<LoginUserRow> {
  const email = normaliseEmail(input.email);
  await assertEmailFree(deps.db, actor.providerId, email);
  const language = input.language === "nl" ? "nl" : "en";
  let row: LoginUserRow;
  try {
    [row] = (await deps.db
      .insert(loginUsers)
      .values({
        providerId: actor.providerId,
        customerId: input.customerId,
        email,
        name: input.name,
        role: input.role,
        language,
        passwordHash: input.password ? await hashPassword(input.password) : null,
      })
      .returning()) as [LoginUserRow];
  } catch (error) {
    if (isUniqueViolation(error, "login_users_email_uq")) throw duplicateEmail();
    throw error;
  }
  await recordAudit(deps.db, actor, {
    action: "login_user.create",
    entityType: "login_user",
    entityId: row.id,
    after: { ...row, passwordHash: undefined },
  });
  if (!input.password) {
    await issueSetPasswordLink(deps, { ...row, userKind: "customer" }, "invitation");
  }
  return row;
}

export function toLoginUserView(row: LoginUserRow): LoginUserView {
  return {
    id: row.id,
    customerId: row.customerId,
    email: row.email,
    name: row.name,
    role: row.role as CustomerRole,
    enabled: row.enabled,
    passwordSet: row.passwordHash !== null,
    otpEnabled: row.otpEnabled,
    language: row.language === "nl" ? "nl" : "en",
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
