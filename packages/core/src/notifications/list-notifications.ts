import type { InAppNotification, NotificationPage } from "@voltlane/contracts";
import { notifications } from "@voltlane/db";
import { and, asc, count, desc, eq, isNull, sql } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import type { CoreDeps } from "../platform/deps";

/** The principal's own in-app notifications: a system user's, or a customer login's. */
export function ownInApp(p: Principal) {
  return and(
    eq(notifications.providerId, p.providerId),
    eq(notifications.channel, "in_app"),
    eq(notifications.recipientKind, p.kind),
    eq(notifications.recipientId, p.userId),
  )!;
}

export function toInAppNotification(row: typeof notifications.$inferSelect): InAppNotification {
  return {
    id: row.id,
    template: row.template,
    subject: row.subject ?? "",
    body: row.body ?? "",
    payload: row.payload,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt ? row.readAt.toISOString() : null,
  };
}

/** Own in-app notifications, unread first, newest first within each group. */
export async function listMyNotifications(
  deps: CoreDeps,
  p: Principal,
  q: { page: number; pageSize: number; unread?: "true" | "false" },
): Promise<NotificationPage> {
  // Viewing as a customer (R7) shows nothing of that customer's personal inbox.
  if (p.kind === "customer" && p.viewAsBy)
    return { items: [], total: 0, page: q.page, pageSize: q.pageSize, unread: 0 };
  const own = ownInApp(p);
  const where = q.unread === "true" ? and(own, isNull(notifications.readAt)) : own;
  const [rows, [total], [unread]] = await Promise.all([
    deps.db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(
        asc(sql`${notifications.readAt} is not null`),
        desc(notifications.createdAt),
        desc(notifications.id),
      )
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    deps.db.select({ n: count() }).from(notifications).where(where),
    deps.db
      .select({ n: count() })
      .from(notifications)
      .where(and(own, isNull(notifications.readAt))),
  ]);
  return {
    items: rows.map(toInAppNotification),
    total: Number(total?.n ?? 0),
    page: q.page,
    pageSize: q.pageSize,
    unread: Number(unread?.n ?? 0),
  };
}
