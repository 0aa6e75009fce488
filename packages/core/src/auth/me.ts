import type { Me } from "@voltlane/contracts";
import { customers, type Db, loginUsers, systemUsers } from "@voltlane/db";
import { eq } from "drizzle-orm";
import { AppError } from "../errors/app-error";
import type { ResolvedAuth } from "./resolve-principal";

/** GET /me: who is acting, in the contract's shape. */
export async function describeMe(db: Db, auth: ResolvedAuth): Promise<Me> {
  const { principal, systemPrincipal } = auth;
  if (systemPrincipal) {
    const [user] = await db.select().from(systemUsers).where(eq(systemUsers.id, systemPrincipal.userId));
    if (!user) throw new AppError("unauthenticated", "not logged in");
    let viewAs: Me["viewAs"] = null;
    if (principal.kind === "customer") {
      const [c] = await db.select().from(customers).where(eq(customers.id, principal.customerId));
      viewAs = {
        customerId: principal.customerId,
        customerType: principal.customerType,
        name: c?.name ?? "",
      };
    }
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      kind: "system",
      roles: [...(user.isSuper ? ["super"] : []), ...user.roles],
      isSuper: user.isSuper,
      providerId: user.providerId,
      language: user.language === "nl" ? "nl" : "en",
      otpEnabled: user.otpEnrolledAt !== null,
      otpEnrollmentRequired: auth.otpEnrollmentRequired,
      viewAs,
    };
  }
  if (principal.kind !== "customer") throw new AppError("unauthenticated", "not logged in");
  const [login] = await db.select().from(loginUsers).where(eq(loginUsers.id, principal.userId));
  if (!login) throw new AppError("unauthenticated", "not logged in");
  return {
    id: login.id,
    email: login.email,
    name: login.name,
    kind: "customer",
    roles: [principal.role],
    isSuper: false,
    providerId: login.providerId,
    customerId: principal.customerId,
    customerType: principal.customerType,
    language: login.language === "nl" ? "nl" : "en",
    otpEnabled: login.otpEnabled,
    otpEnrollmentRequired: false,
    viewAs: null,
  };
}
