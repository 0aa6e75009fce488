import type { CustomerType, SystemRole } from "@voltlane/contracts";
import { authTokens, customers, type Db, loginUsers, providers, systemUsers } from "@voltlane/db";
import { and, eq, gt, inArray } from "drizzle-orm";
import type { Clock } from "../platform/clock";
import type { CustomerPrincipal, Principal, SystemPrincipal } from "./principal";
import { hashToken } from "./tokens";

export type ResolvedAuth = {
  principal: Principal;
  /** The system user behind a view-as session, for /me and for leaving the view. */
  systemPrincipal: SystemPrincipal | null;
  tokenId: string;
  tokenKind: "session" | "api";
  otpEnrollmentRequired: boolean;
};

const roleOfType: Record<CustomerType, CustomerPrincipal["role"]> = {
  company: "company_admin",
  employee: "employee",
  private: "private_user",
};

/** A bearer token or session cookie → the acting principal, or null when invalid/expired/disabled. */
export async function resolvePrincipal(db: Db, clock: Clock, token: string): Promise<ResolvedAuth | null> {
  const now = clock.now();
  const [row] = await db
    .select()
    .from(authTokens)
    .where(
      and(
        eq(authTokens.tokenHash, hashToken(token)),
        gt(authTokens.expiresAt, now),
        inArray(authTokens.kind, ["session", "api"]),
      ),
    );
  if (!row) return null;
  const kind = row.kind as "session" | "api";
  if (row.userKind === "system") {
    const system = await loadSystemPrincipal(db, row.userId);
    if (!system) return null;
    const enrollment = system.requireTwoFactor && !system.enrolled;
    if (row.viewAsCustomerId) {
      const viewed = await loadCustomerPrincipal(db, null, row.viewAsCustomerId, system.principal.providerId);
      if (viewed) {
        return {
          principal: { ...viewed, userId: system.principal.userId, viewAsBy: system.principal.userId },
          systemPrincipal: system.principal,
          tokenId: row.id,
          tokenKind: kind,
          otpEnrollmentRequired: enrollment,
        };
      }
    }
    return {
      principal: system.principal,
      systemPrincipal: system.principal,
      tokenId: row.id,
      tokenKind: kind,
      otpEnrollmentRequired: enrollment,
    };
  }
  const [login] = await db.select().from(loginUsers).where(eq(loginUsers.id, row.userId));
  if (!login?.enabled) return null;
  const principal = await loadCustomerPrincipal(db, login.id, login.customerId, login.providerId);
  if (!principal) return null;
  return { principal, systemPrincipal: null, tokenId: row.id, tokenKind: kind, otpEnrollmentRequired: false };
}

async function loadSystemPrincipal(db: Db, userId: string) {
  const [user] = await db
    .select({ user: systemUsers, provider: providers })
    .from(systemUsers)
    .innerJoin(providers, eq(providers.id, systemUsers.providerId))
    .where(eq(systemUsers.id, userId));
  if (user?.user.status !== "active" || user.provider.status !== "active") return null;
  const principal: SystemPrincipal = {
    kind: "system",
    userId: user.user.id,
    providerId: user.user.providerId,
    roles: user.user.roles as SystemRole[],
    isSuper: user.user.isSuper,
    isPlatformOperator: user.provider.isPlatformOperator,
  };
  return {
    principal,
    requireTwoFactor: user.provider.settings.requireTwoFactor === true,
    enrolled: user.user.otpEnrolledAt !== null,
  };
}

/** A customer's principal: its login (or a system user viewing as it) acting in its own scope. */
export async function loadCustomerPrincipal(
  db: Db,
  loginUserId: string | null,
  customerId: string,
  providerId: string,
): Promise<CustomerPrincipal | null> {
  const [customer] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.id, customerId), eq(customers.providerId, providerId)));
  if (customer?.status !== "active") return null;
  const type = customer.type as CustomerType;
  return {
    kind: "customer",
    userId: loginUserId ?? "",
    providerId,
    customerId,
    customerType: type,
    role: roleOfType[type],
    companyId: type === "employee" ? customer.companyId : null,
  };
}
