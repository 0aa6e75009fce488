import { z } from "zod";
import { pageQuerySchema, sortQuery } from "./pagination";

export const ticketCategories = ["question", "complaint", "technical", "billing", "card", "other"] as const;
export const ticketCategorySchema = z.enum(ticketCategories);
export type TicketCategory = z.infer<typeof ticketCategorySchema>;

export const ticketPriorities = ["low", "normal", "high", "urgent"] as const;
export const ticketPrioritySchema = z.enum(ticketPriorities);
export type TicketPriority = z.infer<typeof ticketPrioritySchema>;

/** R61: new → open ⇄ waiting_on_customer → resolved → closed (final). */
export const ticketStatuses = ["new", "open", "waiting_on_customer", "resolved", "closed"] as const;
export const ticketStatusSchema = z.enum(ticketStatuses);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

export const ticketAssetTypes = ["charge_point", "charge_card", "transaction", "invoice"] as const;
export const relatedAssetSchema = z.strictObject({
  type: z.enum(ticketAssetTypes),
  id: z.string().trim().min(1).max(100),
});
export type RelatedAsset = z.infer<typeof relatedAssetSchema>;

export const ticketBodyMaxChars = 10_000;
const messageBody = z.string().trim().min(1).max(ticketBodyMaxChars);

export const openTicketBodySchema = z.strictObject({
  subject: z.string().trim().min(1).max(200),
  category: ticketCategorySchema,
  message: messageBody,
  relatedAsset: relatedAssetSchema.optional(),
  priority: ticketPrioritySchema.optional(),
  /** Staff opening a ticket for a customer; customers may leave it out. */
  customerId: z.uuid().optional(),
});
export type OpenTicketInput = z.infer<typeof openTicketBodySchema>;

export const ticketMessageBodySchema = z.strictObject({
  body: messageBody,
  /** Internal note, visible to system users only (R60). */
  internal: z.boolean().default(false),
});
export type TicketMessageInput = z.infer<typeof ticketMessageBodySchema>;

export const updateTicketBodySchema = z
  .strictObject({
    status: ticketStatusSchema.optional(),
    assigneeId: z.uuid().nullable().optional(),
    priority: ticketPrioritySchema.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: "nothing to change" });
export type UpdateTicketInput = z.infer<typeof updateTicketBodySchema>;

export const ticketSortFields = [
  "number",
  "subject",
  "category",
  "status",
  "createdAt",
  "lastMessageAt",
] as const;

export const ticketListQuerySchema = pageQuerySchema.extend({
  ...sortQuery(ticketSortFields),
  status: z
    .string()
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(ticketStatusSchema))
    .optional(),
  assigneeId: z.union([z.uuid(), z.literal("none")]).optional(),
  category: ticketCategorySchema.optional(),
  customerId: z.uuid().optional(),
  olderThanHours: z.coerce.number().int().min(0).max(100_000).optional(),
  q: z.string().trim().max(200).optional(),
});
export type TicketListQuery = z.infer<typeof ticketListQuerySchema>;

export const ticketFileSchema = z.object({
  id: z.uuid(),
  messageId: z.uuid(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
});
export type TicketFile = z.infer<typeof ticketFileSchema>;

export const ticketMessageSchema = z
  .object({
    id: z.uuid(),
    authorKind: z.enum(["customer", "system"]),
    authorId: z.uuid(),
    authorName: z.string(),
    body: z.string(),
    internal: z.boolean(),
    createdAt: z.string(),
    files: z.array(ticketFileSchema),
  })
  .meta({ id: "TicketMessage" });
export type TicketMessage = z.infer<typeof ticketMessageSchema>;

export const ticketSummarySchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    subject: z.string(),
    category: ticketCategorySchema,
    priority: ticketPrioritySchema,
    status: ticketStatusSchema,
    customerId: z.uuid(),
    customerName: z.string(),
    assigneeId: z.uuid().nullable(),
    relatedAsset: relatedAssetSchema.nullable(),
    firstResponseAt: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    lastMessageAt: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "TicketSummary" });
export type TicketSummary = z.infer<typeof ticketSummarySchema>;

export const ticketSchema = ticketSummarySchema
  .extend({ messages: z.array(ticketMessageSchema) })
  .meta({ id: "Ticket" });
export type Ticket = z.infer<typeof ticketSchema>;

export const ticketStatusCountsSchema = z.object(
  Object.fromEntries(ticketStatuses.map((s) => [s, z.number().int()])) as Record<TicketStatus, z.ZodNumber>,
);
export type TicketStatusCounts = z.infer<typeof ticketStatusCountsSchema>;

export const ticketPageSchema = z.object({
  items: z.array(ticketSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: ticketStatusCountsSchema,
});
export type TicketPage = z.infer<typeof ticketPageSchema>;

/** Attachment limits (issue #5): at most 5 files of 10 MB per message; images, PDF, text. */
export const ticketFileLimits = {
  maxFilesPerMessage: 5,
  maxFileBytes: 10 * 1024 * 1024,
  contentTypes: [
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "application/pdf",
    "text/plain",
    "text/csv",
  ],
} as const;

/** A system user a ticket may be assigned to (active, with ticket rights). */
export const ticketAssigneeSchema = z
  .object({ id: z.uuid(), name: z.string(), email: z.string() })
  .meta({ id: "TicketAssignee" });
export type TicketAssignee = z.infer<typeof ticketAssigneeSchema>;
