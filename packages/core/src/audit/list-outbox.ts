import type { OutboxItemView, OutboxQuery, Page } from "@voltlane/contracts";
import { notifications } from "@voltlane/db";
import { and, count, desc, eq } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import { forbidden } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";

/**
 * GET /outbox: the provider's notifications (R63: without SMTP, mail stays visible here). Any system
 * user sees the list; only super users see bodies, because invitations and resets carry
 * set-password links that would let anyone else take over an account.
 */
export async function listOutbox(
  deps: CoreDeps,
  p: Principal,
  query: OutboxQuery,
): Promise<Page<OutboxItemView>> {
  if (p.kind !== "system") throw forbidden("only staff see the outbox");
  const where = and(
    eq(notifications.providerId, p.providerId),
    query.status ? eq(notifications.status, query.status) : undefined,
    query.channel ? eq(notifications.channel, query.channel) : undefined,
  );
  const [{ total } = { total: 0 }] = await deps.db
    .select({ total: count() })
    .from(notifications)
    .where(where);
  const rows = await deps.db
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const items = rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    channel: r.channel,
    template: r.template,
    recipientKind: r.recipientKind,
    recipientId: r.recipientId,
    recipientEmail: r.recipientEmail,
    subject: r.subject,
    body: p.isSuper ? r.body : null,
    status: r.status,
    attempts: r.attempts,
    lastError: r.lastError,
    sentAt: r.sentAt?.toISOString() ?? null,
  }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}
