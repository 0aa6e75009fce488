import { z } from "zod";
import { notifyPreferenceSchema } from "./notifications";
import { pageQuerySchema, sortQuery } from "./pagination";
import { languageSchema, systemRoleSchema } from "./roles";

export const systemUserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    roles: z.array(systemRoleSchema),
    isSuper: z.boolean(),
    status: z.enum(["invited", "active", "disabled"]),
    ticketNotify: notifyPreferenceSchema,
    incidentNotify: notifyPreferenceSchema,
    language: languageSchema,
    otpEnabled: z.boolean(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "SystemUser" });
export type SystemUserView = z.infer<typeof systemUserSchema>;

export const createSystemUserBodySchema = z.strictObject({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(200),
  roles: z.array(systemRoleSchema).max(5).default([]),
  isSuper: z.boolean().default(false),
  /** Without a password the user gets an invitation e-mail to set one. */
  password: z.string().min(10, "at least 10 characters").max(256).optional(),
  language: languageSchema.optional(),
  ticketNotify: notifyPreferenceSchema.optional(),
  incidentNotify: notifyPreferenceSchema.optional(),
});
export type CreateSystemUserInput = z.infer<typeof createSystemUserBodySchema>;

export const updateSystemUserBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  roles: z.array(systemRoleSchema).max(5).optional(),
  isSuper: z.boolean().optional(),
  status: z.enum(["active", "disabled"]).optional(),
  language: languageSchema.optional(),
  ticketNotify: notifyPreferenceSchema.optional(),
  incidentNotify: notifyPreferenceSchema.optional(),
});
export type UpdateSystemUserInput = z.infer<typeof updateSystemUserBodySchema>;

// Back-office views for staff: the audit log (R8) and the mail outbox (R63).

export const systemUserSortFields = ["email", "name", "status", "lastLoginAt", "createdAt"] as const;
export const systemUserListQuerySchema = pageQuerySchema.extend(sortQuery(systemUserSortFields));
export type SystemUserListQuery = z.infer<typeof systemUserListQuerySchema>;

export const auditSortFields = ["at", "action", "entityType"] as const;

export const auditQuerySchema = pageQuerySchema.extend({
  ...sortQuery(auditSortFields),
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEntrySchema = z
  .object({
    id: z.uuid(),
    at: z.string(),
    actorKind: z.string(),
    actorId: z.string().nullable(),
    viewAsCustomerId: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: "AuditEntry" });
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export const outboxQuerySchema = pageQuerySchema.extend({
  status: z.enum(["pending", "sent", "failed", "dead"]).optional(),
  channel: z.enum(["email", "in_app"]).optional(),
});
export type OutboxQuery = z.infer<typeof outboxQuerySchema>;

export const outboxItemSchema = z
  .object({
    id: z.uuid(),
    createdAt: z.string(),
    channel: z.string(),
    template: z.string(),
    recipientKind: z.string(),
    recipientId: z.string().nullable(),
    recipientEmail: z.string().nullable(),
    subject: z.string().nullable(),
    /** Only super users see bodies: they may hold set-password links. */
    body: z.string().nullable(),
    status: z.string(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: "OutboxItem" });
export type OutboxItemView = z.infer<typeof outboxItemSchema>;
