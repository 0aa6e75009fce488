import {
  inAppNotificationSchema,
  notificationListQuerySchema,
  notificationPageSchema,
  notificationPreferencesSchema,
  updateNotificationPreferencesBodySchema,
} from "@voltlane/contracts";
import {
  getNotificationPreferences,
  listMyNotifications,
  markNotificationRead,
  updateNotificationPreferences,
} from "@voltlane/core";
import { z } from "zod";
import { principalOf } from "../auth-plugin";
import type { App, ServerDeps } from "../types";

const tags = ["notifications"];

export async function notificationsRoutes(app: App, deps: ServerDeps) {
  const { core } = deps;

  app.get(
    "/notifications",
    { schema: { tags, querystring: notificationListQuerySchema, response: { 200: notificationPageSchema } } },
    async (request) => listMyNotifications(core, principalOf(request), request.query),
  );

  app.post(
    "/notifications/:id/read",
    { schema: { tags, params: z.object({ id: z.uuid() }), response: { 200: inAppNotificationSchema } } },
    async (request) => markNotificationRead(core, principalOf(request), request.params.id),
  );

  app.get(
    "/me/notification-preferences",
    { schema: { tags, response: { 200: notificationPreferencesSchema } } },
    async (request) => getNotificationPreferences(core, principalOf(request)),
  );

  app.patch(
    "/me/notification-preferences",
    {
      schema: {
        tags,
        body: updateNotificationPreferencesBodySchema,
        response: { 200: notificationPreferencesSchema },
      },
    },
    async (request) => updateNotificationPreferences(core, principalOf(request), request.body),
  );
}
