import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, ts, updatedAt } from "./columns";
import { customers } from "./customers";
import { providers } from "./tenancy";

/** A customer's question or complaint (DOMAIN §3 Ticket); status follows R61. */
export const tickets = pgTable(
  "tickets",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    /** `T-000123`, gapless per provider (sequence `ticket`). */
    number: text("number").notNull(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    createdByKind: text("created_by_kind").notNull(), // customer | system
    createdById: uuid("created_by_id").notNull(),
    subject: text("subject").notNull(),
    category: text("category").notNull(), // question | complaint | technical | billing | card | other
    priority: text("priority").notNull().default("normal"), // low | normal | high | urgent
    status: text("status").notNull().default("new"), // new | open | waiting_on_customer | resolved | closed
    /** A system user of the same provider. */
    assigneeId: uuid("assignee_id"),
    relatedAssetType: text("related_asset_type"), // charge_point | charge_card | transaction | invoice
    relatedAssetId: text("related_asset_id"),
    firstResponseAt: ts("first_response_at"),
    resolvedAt: ts("resolved_at"),
    closedAt: ts("closed_at"),
    lastMessageAt: ts("last_message_at").notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("tickets_number_uq").on(t.providerId, t.number),
    index("tickets_provider_status_ix").on(t.providerId, t.status),
    index("tickets_customer_ix").on(t.customerId),
    index("tickets_assignee_ix").on(t.assigneeId),
  ],
);

export const ticketMessages = pgTable(
  "ticket_messages",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => tickets.id),
    authorKind: text("author_kind").notNull(), // customer | system
    /** A login user (customer) or a system user. */
    authorId: uuid("author_id").notNull(),
    body: text("body").notNull(),
    /** R60: internal notes never reach customers. */
    internal: boolean("internal").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("ticket_messages_ticket_ix").on(t.ticketId, t.createdAt)],
);

/** Files attached to a message; the bytes live in the FileStore under `storageKey`. */
export const ticketFiles = pgTable(
  "ticket_files",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => tickets.id),
    messageId: uuid("message_id")
      .notNull()
      .references(() => ticketMessages.id),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull(),
    uploadedById: uuid("uploaded_by_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("ticket_files_message_ix").on(t.messageId), index("ticket_files_ticket_ix").on(t.ticketId)],
);
