import { join } from "node:path";
import multipart from "@fastify/multipart";
import {
  openTicketBodySchema,
  ticketAssigneeSchema,
  ticketFileLimits,
  ticketFileSchema,
  ticketListQuerySchema,
  ticketMessageBodySchema,
  ticketMessageSchema,
  ticketPageSchema,
  ticketSchema,
  ticketSummarySchema,
  updateTicketBodySchema,
} from "@voltlane/contracts";
import {
  addTicketMessage,
  attachTicketFiles,
  createLocalFileStore,
  getTicket,
  type IncomingFile,
  listTicketAssignees,
  listTickets,
  openTicket,
  readTicketFile,
  updateTicket,
} from "@voltlane/core";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { principalOf } from "../auth-plugin";
import type { App, ServerDeps } from "../types";

const tags = ["tickets"];
const ticketParams = z.object({ id: z.uuid() });
const fileParams = z.object({ id: z.uuid(), fileId: z.uuid() });
const messageParams = z.object({ id: z.uuid(), messageId: z.uuid() });
const openedSchema = ticketSummarySchema.extend({ messageId: z.uuid() });

/** The uploaded files of a multipart request; form fields are ignored. */
async function* filesOf(request: FastifyRequest): AsyncIterable<IncomingFile> {
  for await (const part of request.parts()) {
    if (part.type !== "file") continue;
    yield { filename: part.filename, contentType: part.mimetype, stream: part.file };
  }
}

/** RFC 6266 attachment header that survives any file name. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export async function ticketsRoutes(app: App, deps: ServerDeps) {
  const { core } = deps;
  const store = createLocalFileStore(join(deps.config.dataDir, "files"));

  app.post(
    "/tickets",
    { schema: { tags, body: openTicketBodySchema, response: { 201: openedSchema } } },
    async (request, reply) =>
      reply.status(201).send(await openTicket(core, principalOf(request), request.body)),
  );

  app.get(
    "/tickets",
    { schema: { tags, querystring: ticketListQuerySchema, response: { 200: ticketPageSchema } } },
    async (request) => listTickets(core, principalOf(request), request.query),
  );

  app.get(
    "/tickets/assignees",
    { schema: { tags, response: { 200: z.object({ items: z.array(ticketAssigneeSchema) }) } } },
    async (request) => listTicketAssignees(core, principalOf(request)),
  );

  app.get(
    "/tickets/:id",
    { schema: { tags, params: ticketParams, response: { 200: ticketSchema } } },
    async (request) => getTicket(core, principalOf(request), request.params.id),
  );

  app.patch(
    "/tickets/:id",
    {
      schema: {
        tags,
        params: ticketParams,
        body: updateTicketBodySchema,
        response: { 200: ticketSummarySchema },
      },
    },
    async (request) => updateTicket(core, principalOf(request), request.params.id, request.body),
  );

  app.post(
    "/tickets/:id/messages",
    {
      schema: {
        tags,
        params: ticketParams,
        body: ticketMessageBodySchema,
        response: { 201: ticketMessageSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addTicketMessage(core, principalOf(request), request.params.id, request.body)),
  );

  app.get("/tickets/:id/files/:fileId", { schema: { tags, params: fileParams } }, async (request, reply) => {
    const file = await readTicketFile(
      core,
      store,
      principalOf(request),
      request.params.id,
      request.params.fileId,
    );
    return reply
      .header("content-type", file.contentType)
      .header("content-length", file.size)
      .header("content-disposition", contentDisposition(file.filename))
      .header("x-content-type-options", "nosniff")
      .send(file.body);
  });

  // Multipart lives in its own scope so that no other route accepts uploads.
  await app.register(async (uploads) => {
    await uploads.register(multipart, {
      // One byte over the limit lets core see (and refuse) an oversized file itself.
      limits: { fileSize: ticketFileLimits.maxFileBytes + 1, files: 20, fields: 20, parts: 40 },
      throwFileSizeLimit: false,
    });
    uploads.post(
      "/tickets/:id/messages/:messageId/files",
      {
        schema: {
          tags,
          params: messageParams,
          consumes: ["multipart/form-data"],
          response: { 201: z.object({ items: z.array(ticketFileSchema) }) },
        },
      },
      async (request, reply) => {
        const p = principalOf(request);
        const { id, messageId } = request.params as z.infer<typeof messageParams>;
        const items = await attachTicketFiles(core, store, p, { ticketId: id, messageId }, filesOf(request));
        return reply.status(201).send({ items });
      },
    );
  });
}
