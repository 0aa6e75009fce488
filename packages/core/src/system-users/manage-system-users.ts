import type {
  CreateSystemUserInput,
  Page,
  SystemUserListQuery,
  SystemUserView,
  UpdateSystemUserInput,
} from "@voltlane/contracts";
import { systemUsers } from "@voltlane/db";
import { and, asc, count, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import { hashPassword } from "../auth/passwords";
import { issueSetPasswordLink } from "../auth/passwords-flow";
import type { Principal } from "../auth/principal";
import { normaliseEmail } from "../customers/customer-fields";
import { assertNotViewAs } from "../customers/customer-scope";
import { assertEmailFree, duplicateEmail } from "../customers/login-users";
import { businessRule, isUniqueViolation, notFound } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { sortOrder } from "../platform/sort-order";
import { assertCan } from "../policy/can";
import { type SystemUserRow, toSystemUserView } from "./system-user-view";

const systemUserSortColumns = {
  email: systemUsers.email,
  name: systemUsers.name,
  status: systemUsers.status,
  lastLoginAt: systemUsers.lastLoginAt,
  createdAt: systemUsers.createdAt,
};

/** R5: only super users see and manage system users, always of their own provider (R4). */
export async function listSystemUsers(
  deps: CoreDeps,
  p: Principal,
  query: SystemUserListQuery,
): Promise<Page<SystemUserView>> {
  assertCan(p, "system_users", "read");
  const where = eq(systemUsers.providerId, p.providerId);
  const [{ total } = { total: 0 }] = await deps.db.select({ total: count() }).from(systemUsers).where(where);
  const rows = await deps.db
    .select()
    .from(systemUsers)
    .where(where)
    .orderBy(
      ...sortOrder(query, systemUserSortColumns, systemUsers.id, [
        asc(systemUsers.email),
        asc(systemUsers.id),
      ]),
    )
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows.map(toSystemUserView), total, page: query.page, pageSize: query.pageSize };
}

/** A new system user; without a password it is `invited` and gets a set-password e-mail. */
export async function createSystemUser(
  deps: CoreDeps,
  p: Principal,
  input: CreateSystemUserInput,
): Promise<SystemUserView> {
  assertNotViewAs(p);
  assertCan(p, "system_users", "write");
  const email = normaliseEmail(input.email);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return deps.db.transaction(async (tx) => {
    await assertEmailFree(tx, p.providerId, email);
    let row: SystemUserRow;
    try {
      [row] = (await tx
        .insert(systemUsers)
        .values({
          providerId: p.providerId,
          email,
          name: input.name,
          roles: [...new Set(input.roles)],
          isSuper: input.isSuper,
          passwordHash,
          language: input.language ?? "en",
          ticketNotify: input.ticketNotify ?? "email",
          incidentNotify: input.incidentNotify ?? "email",
          // An invited user becomes active once the invitation link set a password (resolve checks `active`).
          status: "active",
        })
        .returning()) as [SystemUserRow];
    } catch (error) {
      if (isUniqueViolation(error, "system_users_email_uq")) throw duplicateEmail();
      throw error;
    }
    await recordAudit(tx, p, {
      action: "system_user.create",
      entityType: "system_user",
      entityId: row.id,
      after: row,
    });
    if (!passwordHash)
      await issueSetPasswordLink({ ...deps, db: tx }, { ...row, userKind: "system" }, "invitation");
    return toSystemUserView(row);
  });
}

/** Roles, name, status and notification preferences. R5: the last active super user stays. */
export async function updateSystemUser(
  deps: CoreDeps,
  p: Principal,
  id: string,
  input: UpdateSystemUserInput,
): Promise<SystemUserView> {
  assertNotViewAs(p);
  assertCan(p, "system_users", "write");
  return deps.db.transaction(async (tx) => {
    // Lock the provider's super users so that two concurrent demotions cannot both pass the R5 check.
    const supers = await tx
      .select({ id: systemUsers.id })
      .from(systemUsers)
      .where(
        and(
          eq(systemUsers.providerId, p.providerId),
          eq(systemUsers.isSuper, true),
          eq(systemUsers.status, "active"),
        ),
      )
      .for("update");
    const [before] = await tx
      .select()
      .from(systemUsers)
      .where(and(eq(systemUsers.id, id), eq(systemUsers.providerId, p.providerId)));
    if (!before) throw notFound("system user");
    const staysActiveSuper =
      (input.isSuper ?? before.isSuper) && (input.status ?? before.status) === "active";
    const isActiveSuper = before.isSuper && before.status === "active";
    if (isActiveSuper && !staysActiveSuper && supers.filter((s) => s.id !== id).length === 0) {
      throw businessRule("R5", "a provider always keeps at least one active super user");
    }
    const [after] = await tx
      .update(systemUsers)
      .set({
        ...input,
        ...(input.roles ? { roles: [...new Set(input.roles)] } : {}),
        updatedAt: deps.clock.now(),
      })
      .where(eq(systemUsers.id, id))
      .returning();
    await recordAudit(tx, p, {
      action: "system_user.update",
      entityType: "system_user",
      entityId: id,
      before,
      after,
    });
    return toSystemUserView(after!);
  });
}
