import type { AuditEntryView, AuditQuery, Page } from "@voltlane/contracts";
import { auditEntries } from "@voltlane/db";
import { and, count, desc, eq } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import type { CoreDeps } from "../platform/deps";
import { sortOrder } from "../platform/sort-order";
import { assertCan } from "../policy/can";

/** GET /audit: the provider's audit log (R8), newest first; staff per the matrix ("Audit log"). */
export async function listAuditEntries(
  deps: CoreDeps,
  p: Principal,
  query: AuditQuery,
): Promise<Page<AuditEntryView>> {
  assertCan(p, "audit_log", "read");
  const where = and(
    eq(auditEntries.providerId, p.providerId),
    query.entityType ? eq(auditEntries.entityType, query.entityType) : undefined,
    query.entityId ? eq(auditEntries.entityId, query.entityId) : undefined,
    query.action ? eq(auditEntries.action, query.action) : undefined,
  );
  const [{ total } = { total: 0 }] = await deps.db.select({ total: count() }).from(auditEntries).where(where);
  const rows = await deps.db
    .select()
    .from(auditEntries)
    .where(where)
    .orderBy(
      ...sortOrder(
        query,
        { at: auditEntries.at, action: auditEntries.action, entityType: auditEntries.entityType },
        auditEntries.id,
        [desc(auditEntries.at), desc(auditEntries.id)],
      ),
    )
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const items = rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorKind: r.actorKind,
    actorId: r.actorId,
    viewAsCustomerId: r.viewAsCustomerId,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
  }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}
