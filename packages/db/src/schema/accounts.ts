import { boolean, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, ts, updatedAt } from "./columns";
import { customers } from "./customers";
import { providers } from "./tenancy";

export const systemUsers = pgTable(
  "system_users",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    roles: text("roles").array().notNull().default([]),
    isSuper: boolean("is_super").notNull().default(false),
    /** TOTP secret, encrypted with the server's secret key (never returned). */
    otpSecret: text("otp_secret"),
    otpEnrolledAt: ts("otp_enrolled_at"),
    ticketNotify: text("ticket_notify").notNull().default("email"),
    incidentNotify: text("incident_notify").notNull().default("email"),
    language: text("language").notNull().default("en"),
    status: text("status").notNull().default("active"),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: ts("locked_until"),
    lastLoginAt: ts("last_login_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("system_users_email_uq").on(t.providerId, t.email)],
);

export const loginUsers = pgTable(
  "login_users",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    role: text("role").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    otpSecret: text("otp_secret"),
    otpEnabled: boolean("otp_enabled").notNull().default(false),
    language: text("language").notNull().default("en"),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: ts("locked_until"),
    lastLoginAt: ts("last_login_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("login_users_email_uq").on(t.providerId, t.email),
    index("login_users_customer_ix").on(t.customerId),
  ],
);

/** Browser sessions and API tokens: only a SHA-256 of the secret is stored. */
export const authTokens = pgTable(
  "auth_tokens",
  {
    id: id(),
    providerId: uuid("provider_id")
      .notNull()
      .references(() => providers.id),
    kind: text("kind").notNull(), // session | api | password_reset | otp_pending
    tokenHash: text("token_hash").notNull(),
    userKind: text("user_kind").notNull(), // system | customer
    userId: uuid("user_id").notNull(),
    name: text("name"),
    viewAsCustomerId: uuid("view_as_customer_id"),
    expiresAt: ts("expires_at").notNull(),
    lastUsedAt: ts("last_used_at"),
    usedAt: ts("used_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("auth_tokens_hash_uq").on(t.tokenHash), index("auth_tokens_user_ix").on(t.userId)],
);
