import type { InAppNotification } from "@voltlane/contracts";
import { notifications } from "@voltlane/db";
import { and, eq, isNull } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import { AppError } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { ownInApp, toInAppNotification } from "./list-notifications";

/** Marks one of the principal's own in-app notifications read; idempotent, others' answer 404. */
export async function markNotificationRead(
  deps: CoreDeps,
  p: Principal,
  notificationId: string,
): Promise<InAppNotification> {
  if (p.kind === "customer" && p.viewAsBy)
    throw new AppError("view_as_read_only", "viewing as a customer is read-only");
  await deps.db
    .update(notifications)
    .set({ readAt: deps.clock.now() })
    .where(and(ownInApp(p), eq(notifications.id, notificationId), isNull(notifications.readAt)));
  const [row] = await deps.db
    .select()
    .from(notifications)
    .where(and(ownInApp(p), eq(notifications.id, notificationId)));
  if (!row) throw new AppError("not_found", "notification not found");
  return toInAppNotification(row);
}
