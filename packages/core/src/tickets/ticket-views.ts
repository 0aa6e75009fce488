import type {
  RelatedAsset,
  TicketCategory,
  TicketFile,
  TicketPriority,
  TicketStatus,
  TicketSummary,
} from "@voltlane/contracts";
import type { ticketFiles } from "@voltlane/db";
import type { TicketRow } from "./ticket-access";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toTicketSummary(ticket: TicketRow, customerName: string): TicketSummary {
  return {
    id: ticket.id,
    number: ticket.number,
    subject: ticket.subject,
    category: ticket.category as TicketCategory,
    priority: ticket.priority as TicketPriority,
    status: ticket.status as TicketStatus,
    customerId: ticket.customerId,
    customerName,
    assigneeId: ticket.assigneeId,
    relatedAsset:
      ticket.relatedAssetType && ticket.relatedAssetId
        ? ({ type: ticket.relatedAssetType, id: ticket.relatedAssetId } as RelatedAsset)
        : null,
    firstResponseAt: iso(ticket.firstResponseAt),
    resolvedAt: iso(ticket.resolvedAt),
    closedAt: iso(ticket.closedAt),
    lastMessageAt: ticket.lastMessageAt.toISOString(),
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
  };
}

export function toTicketFile(file: typeof ticketFiles.$inferSelect): TicketFile {
  return {
    id: file.id,
    messageId: file.messageId,
    filename: file.filename,
    contentType: file.contentType,
    size: file.size,
    createdAt: file.createdAt.toISOString(),
  };
}

/** What the audit log keeps of a ticket (R8). */
export function auditView(ticket: TicketRow) {
  return {
    number: ticket.number,
    status: ticket.status,
    priority: ticket.priority,
    assigneeId: ticket.assigneeId,
    category: ticket.category,
    customerId: ticket.customerId,
  };
}
