import { z } from "zod";
import { pageQuerySchema } from "./pagination";

/** `both` = e-mail and in-app (R62: "per preference"). */
export const notifyPreferences = ["email", "in_app", "both", "none"] as const;
export const notifyPreferenceSchema = z.enum(notifyPreferences);
export type NotifyPreference = z.infer<typeof notifyPreferenceSchema>;

export const notificationPreferencesSchema = z
  .object({ ticketNotify: notifyPreferenceSchema, incidentNotify: notifyPreferenceSchema })
  .meta({ id: "NotificationPreferences" });
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const updateNotificationPreferencesBodySchema = z.strictObject({
  ticketNotify: notifyPreferenceSchema.optional(),
  incidentNotify: notifyPreferenceSchema.optional(),
});

export const notificationListQuerySchema = pageQuerySchema.extend({
  unread: z.enum(["true", "false"]).optional(),
});

export const inAppNotificationSchema = z
  .object({
    id: z.uuid(),
    template: z.string(),
    subject: z.string(),
    body: z.string(),
    payload: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: "InAppNotification" });
export type InAppNotification = z.infer<typeof inAppNotificationSchema>;

export const notificationPageSchema = z.object({
  items: z.array(inAppNotificationSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  unread: z.number().int(),
});
export type NotificationPage = z.infer<typeof notificationPageSchema>;
