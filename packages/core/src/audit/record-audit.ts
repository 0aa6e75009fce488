import type { Db } from "@voltlane/db";
import { sql } from "drizzle-orm";
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

/**
 * R8 for many entries of one actor (a monthly run issues ~100,000 invoices). The rows travel as one
 * JSON parameter per statement: building a multi-row VALUES with ten parameters per row cost the
 * invoice run more CPU than the audit rows themselves.
 */
export async function recordAudits(db: Db, actor: Actor, entries: readonly AuditInput[]): Promise<void> {
  const batch = 5_000;
  const who = actorColumns(actor);
  for (let i = 0; i < entries.length; i += batch) {
    const rows = entries.slice(i, i + batch).map((entry) => ({
      provider_id: actor.providerId,
      at: entry.at?.toISOString() ?? null,
      actor_kind: who.actorKind,
      actor_id: who.actorId,
      view_as_customer_id: who.viewAsCustomerId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId ?? null,
      before: redact(entry.before),
      after: redact(entry.after),
    }));
    await db.execute(sql`
      insert into audit_entries (provider_id, at, actor_kind, actor_id, view_as_customer_id, action,
        entity_type, entity_id, before, after)
      select provider_id, coalesce(at, now()), actor_kind, actor_id, view_as_customer_id, action,
        entity_type, entity_id, before, after
      from json_to_recordset(${JSON.stringify(rows)}::json) as x(provider_id uuid, at timestamptz,
        actor_kind text, actor_id text, view_as_customer_id uuid, action text, entity_type text,
        entity_id text, before jsonb, after jsonb)`);
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
