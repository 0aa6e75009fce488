import type { TicketMessage, TicketMessageInput, TicketStatus } from "@voltlane/contracts";
import { ticketMessages, tickets } from "@voltlane/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import type { CoreDeps } from "../platform/deps";
import { notifyReply } from "./notify-ticket";
import { assertCanReply, lockVisibleTicket } from "./ticket-access";
import { authorNames, customerName } from "./ticket-names";
import { nextTicketStatus, statusTimestamps, type TicketEvent } from "./ticket-status";

function eventOf(p: Principal, internal: boolean): TicketEvent {
  if (internal) return { type: "internal_note" };
  return p.kind === "system" ? { type: "system_reply" } : { type: "customer_reply" };
}

/**
 * W5 step 3: a reply from either side or an internal note. Moves the status per R61, stamps the
 * first response, audits (R8) and notifies the other side in the same transaction (R62, R63).
 */
export async function addTicketMessage(
  deps: CoreDeps,
  p: Principal,
  ticketId: string,
  input: TicketMessageInput,
): Promise<TicketMessage> {
  return deps.db.transaction(async (tx) => {
    const ticket = await lockVisibleTicket(tx, p, ticketId);
    const internal = input.internal === true;
    assertCanReply(p, ticket, internal);
    const now = deps.clock.now();
    const status = nextTicketStatus(ticket.status as TicketStatus, eventOf(p, internal));
    const firstResponse = p.kind === "system" && !internal && !ticket.firstResponseAt;
    const [updated] = await tx
      .update(tickets)
      .set({
        status,
        ...statusTimestamps(ticket.status as TicketStatus, status, now),
        ...(firstResponse ? { firstResponseAt: now } : {}),
        lastMessageAt: now,
        updatedAt: now,
      })
      .where(eq(tickets.id, ticket.id))
      .returning();
    const [message] = await tx
      .insert(ticketMessages)
      .values({
        providerId: p.providerId,
        ticketId: ticket.id,
        authorKind: p.kind,
        authorId: p.userId,
        body: input.body,
        internal,
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, p, {
      action: internal ? "ticket.internal_note" : "ticket.reply",
      entityType: "ticket",
      entityId: ticket.id,
      before: { status: ticket.status },
      after: { status, messageId: message!.id },
      at: now,
    });
    const authorName = (await authorNames(tx, [message!])).get(p.userId) ?? "";
    await notifyReply(tx, deps, {
      ticket: updated!,
      customerName: await customerName(tx, ticket.customerId),
      message: input.body,
      authorKind: p.kind,
      authorId: p.userId,
      authorName,
      internal,
    });
    return {
      id: message!.id,
      authorKind: p.kind,
      authorId: p.userId,
      authorName,
      body: message!.body,
      internal,
      createdAt: message!.createdAt.toISOString(),
      files: [],
    };
  });
}
