import { index, integer, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, ts } from "./columns";
import { providers } from "./tenancy";

/** R8: append-only audit trail of every state change. */
export const auditEntries = pgTable(
  "audit_entries",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    at: ts("at").notNull().defaultNow(),
    actorKind: text("actor_kind").notNull(), // system_user | login_user | charge_point | job
    actorId: text("actor_id"),
    viewAsCustomerId: uuid("view_as_customer_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [
    index("audit_provider_at_ix").on(t.providerId, t.at),
    index("audit_entity_ix").on(t.entityType, t.entityId),
  ],
);

/** R63: the outbox. Rows are written in the event's transaction and delivered at least once. */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    recipientKind: text("recipient_kind").notNull(), // system | customer | address
    recipientId: uuid("recipient_id"),
    recipientEmail: text("recipient_email"),
    channel: text("channel").notNull(), // email | in_app
    template: text("template").notNull(),
    language: text("language").notNull().default("en"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    subject: text("subject"),
    body: text("body"),
    attachments:
      jsonb("attachments").$type<{ filename: string; storageKey: string; contentType: string }[]>(),
    status: text("status").notNull().default("pending"), // pending | sent | failed | dead
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ts("next_attempt_at").notNull().defaultNow(),
    lastError: text("last_error"),
    sentAt: ts("sent_at"),
    readAt: ts("read_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("notifications_due_ix").on(t.status, t.nextAttemptAt),
    index("notifications_recipient_ix").on(t.recipientId),
  ],
);

/** Gapless counters (customer numbers, invoice numbers per series, ticket numbers). */
export const sequences = pgTable(
  "sequences",
  {
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    name: text("name").notNull(),
    value: integer("value").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.providerId, t.name] })],
);

/** Job leases: a scheduled job runs on one process at a time. */
export const jobLocks = pgTable("job_locks", {
  name: text("name").primaryKey(),
  holder: text("holder").notNull(),
  lockedUntil: ts("locked_until").notNull(),
  lastRunAt: ts("last_run_at"),
  lastResult: jsonb("last_result"),
});

/** Platform-wide key/value settings, e.g. the generated key that encrypts TOTP secrets. */
export const platformSettings = pgTable("platform_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  createdAt: createdAt(),
});
