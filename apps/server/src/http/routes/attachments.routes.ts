import { attachBodySchema, attachmentItemSchema, customerAttachmentsSchema } from "@voltlane/contracts";
import { attach, detach, listCustomerAttachments, toAttachmentItem } from "@voltlane/core";
import { z } from "zod";
import { principalOf } from "../auth-plugin";
import type { App, ServerDeps } from "../types";

const tags = ["attachments"];
const params = z.object({ id: z.uuid() });

export async function attachmentsRoutes(app: App, { core }: ServerDeps) {
  app.get(
    "/customers/:id/attachments",
    { schema: { tags, params, response: { 200: customerAttachmentsSchema } } },
    async (request) => listCustomerAttachments(core, principalOf(request), request.params.id),
  );
  app.post(
    "/customers/:id/attachments",
    { schema: { tags, params, body: attachBodySchema, response: { 201: attachmentItemSchema } } },
    async (request, reply) => {
      const row = await attach(core, principalOf(request), {
        customerId: request.params.id,
        ...request.body,
      });
      return reply.status(201).send(toAttachmentItem(row));
    },
  );
  app.delete(
    "/customers/:id/attachments/:attachmentId",
    {
      schema: {
        tags,
        params: z.object({ id: z.uuid(), attachmentId: z.uuid() }),
        response: { 200: attachmentItemSchema },
      },
    },
    async (request) => {
      const { id, attachmentId } = request.params;
      return toAttachmentItem(await detach(core, principalOf(request), { customerId: id, attachmentId }));
    },
  );
}
