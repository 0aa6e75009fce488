import { employmentLinks, loginUsers } from "@voltlane/db";
import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import type { CoreDeps } from "../platform/deps";
import type { CustomerRow } from "./customer-scope";
import { createLoginUser } from "./login-users";

/**
 * An employee's web access (W6): on creates its login (or enables the existing one) with an
 * invitation when it has no password; off disables its logins. `deps.db` is the caller's transaction.
 */
export async function setWebAccess(deps: CoreDeps, p: Principal, employee: CustomerRow, on: boolean) {
  const tx = deps.db;
  const [link] = await tx
    .update(employmentLinks)
    .set({ webAccess: on })
    .where(and(eq(employmentLinks.employeeId, employee.id), isNull(employmentLinks.validTo)))
    .returning();
  const logins = await tx.select().from(loginUsers).where(eq(loginUsers.customerId, employee.id));
  if (on && logins.length === 0) {
    await createLoginUser(deps, p, {
      customerId: employee.id,
      email: employee.email ?? "",
      name: employee.name,
      role: "employee",
      language: employee.language,
    });
  } else {
    await tx
      .update(loginUsers)
      .set({ enabled: on, updatedAt: deps.clock.now() })
      .where(eq(loginUsers.customerId, employee.id));
  }
  await recordAudit(tx, p, {
    action: on ? "employee.web_access_on" : "employee.web_access_off",
    entityType: "customer",
    entityId: employee.id,
    after: { webAccess: on, employmentLinkId: link?.id ?? null },
  });
}
