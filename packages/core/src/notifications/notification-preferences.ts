import type { NotificationPreferences, NotifyPreference } from "@voltlane/contracts";
import { systemUsers } from "@voltlane/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Principal, SystemPrincipal } from "../auth/principal";
import { AppError } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";

function asSystemUser(p: Principal): SystemPrincipal {
  if (p.kind !== "system") throw new AppError("forbidden", "notification preferences are for system users");
  return p;
}

async function load(deps: CoreDeps, p: SystemPrincipal) {
  const [user] = await deps.db
    .select({ ticketNotify: systemUsers.ticketNotify, incidentNotify: systemUsers.incidentNotify })
    .from(systemUsers)
    .where(and(eq(systemUsers.id, p.userId), eq(systemUsers.providerId, p.providerId)));
  if (!user) throw new AppError("not_found", "user not found");
  return user as NotificationPreferences;
}

export async function getNotificationPreferences(
  deps: CoreDeps,
  p: Principal,
): Promise<NotificationPreferences> {
  return load(deps, asSystemUser(p));
}

/** R62: how a system user hears about tickets (and incidents); audited (R8). */
export async function updateNotificationPreferences(
  deps: CoreDeps,
  p: Principal,
  input: { ticketNotify?: NotifyPreference; incidentNotify?: NotifyPreference },
): Promise<NotificationPreferences> {
  const user = asSystemUser(p);
  return deps.db.transaction(async (tx) => {
    const before = await load({ ...deps, db: tx }, user);
    const after = { ...before, ...input };
    await tx
      .update(systemUsers)
      .set({ ...after, updatedAt: deps.clock.now() })
      .where(eq(systemUsers.id, user.userId));
    await recordAudit(tx, user, {
      action: "system_user.notification_preferences",
      entityType: "system_user",
      entityId: user.userId,
      before,
      after,
    });
    return after;
  });
}
