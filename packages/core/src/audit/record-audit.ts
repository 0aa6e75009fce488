import { auditEntries, type Db } from "@voltlane/db";
import type { Actor } from "../auth/principal";

export type AuditInput = {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  at?: Date;
};

function actorColumns(actor: Actor) {
  switch (actor.kind) {
    case "system":
      return { actorKind: "system_user", actorId: actor.userId, viewAsCustomerId: null };
    case "customer":
      return actor.viewAsBy
        ? { actorKind: "system_user", actorId: actor.viewAsBy, viewAsCustomerId: actor.customerId }
        : { actorKind: "login_user", actorId: actor.userId, viewAsCustomerId: null };
    case "job":
      return { actorKind: "job", actorId: actor.name, viewAsCustomerId: null };
    case "charge_point":
      return { actorKind: "charge_point", actorId: actor.chargePointId, viewAsCustomerId: null };
  }
}

/** R8: record who changed what, with before and after. Call it inside the change's transaction. */
export async function recordAudit(db: Db, actor: Actor, entry: AuditInput): Promise<void> {
  await recordAudits(db, actor, [entry]);
}

/** R8 for many entries of one actor in one statement (a monthly run issues ~100,000 invoices). */
export async function recordAudits(db: Db, actor: Actor, entries: readonly AuditInput[]): Promise<void> {
  const batch = 2_000;
  for (let i = 0; i < entries.length; i += batch) {
    await db.insert(auditEntries).values(
      entries.slice(i, i + batch).map((entry) => ({
        providerId: actor.providerId,
        ...actorColumns(actor),
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId ?? null,
        before: redact(entry.before),
        after: redact(entry.after),
        ...(entry.at ? { at: entry.at } : {}),
      })),
    );
  }
}

const secretKeys = new Set(["passwordHash", "otpSecret", "password", "tokenHash"]);

/** Secrets never reach the audit log. */
function redact(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value !== "object") return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(redact);
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k,
      secretKeys.has(k) ? "[redacted]" : redact(v),
    ]),
  );
}
