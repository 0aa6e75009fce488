import type { Db } from "@voltlane/db";
import { enqueueNotification } from "../notifications/enqueue-notification";
import type { CoreDeps } from "../platform/deps";
import type { TicketRow } from "./ticket-access";
import { customerLogins, type Recipient, ticketHandler, ticketHandlers } from "./ticket-recipients";
import "./ticket-templates";

type Payload = Record<string, unknown>;

export function ticketLink(deps: Pick<CoreDeps, "publicUrl">, ticketId: string): string {
  return `${deps.publicUrl.replace(/\/$/, "")}/tickets/${ticketId}`;
}

/** R63: every notification enters the outbox in the caller's transaction. */
async function send(tx: Db, providerId: string, template: string, recipients: Recipient[], payload: Payload) {
  for (const r of recipients) {
    for (const channel of r.channels) {
      await enqueueNotification(tx, {
        providerId,
        channel,
        template,
        language: r.language,
        payload: { ...payload, name: r.name },
        recipient: { kind: r.kind, id: r.id, email: r.email },
      });
    }
  }
}

const except = (recipients: Recipient[], actorId: string) => recipients.filter((r) => r.id !== actorId);

function basePayload(deps: CoreDeps, ticket: TicketRow, customerName: string): Payload {
  return {
    ticketId: ticket.id,
    number: ticket.number,
    subject: ticket.subject,
    category: ticket.category,
    priority: ticket.priority,
    customerName,
    link: ticketLink(deps, ticket.id),
  };
}

/** R62: a new ticket → all ticket handlers per preference; opened by staff → also the customer. */
export async function notifyNewTicket(
  tx: Db,
  deps: CoreDeps,
  ctx: { ticket: TicketRow; customerName: string; message: string; actorId: string; byStaff: boolean },
) {
  const payload = { ...basePayload(deps, ctx.ticket, ctx.customerName), message: ctx.message };
  const staff = except(await ticketHandlers(tx, ctx.ticket.providerId), ctx.actorId);
  await send(tx, ctx.ticket.providerId, "ticket_new", staff, payload);
  if (ctx.byStaff) {
    const logins = await customerLogins(tx, ctx.ticket.providerId, ctx.ticket.customerId);
    await send(tx, ctx.ticket.providerId, "ticket_reply_to_customer", logins, payload);
  }
}

/**
 * R62: a system reply → the customer's logins; a customer reply → the assignee, else all ticket
 * handlers. Internal notes (R60) never reach the customer side.
 */
export async function notifyReply(
  tx: Db,
  deps: CoreDeps,
  ctx: {
    ticket: TicketRow;
    customerName: string;
    message: string;
    authorKind: "system" | "customer";
    authorId: string;
    authorName: string;
    internal: boolean;
  },
) {
  if (ctx.internal) return;
  const payload = {
    ...basePayload(deps, ctx.ticket, ctx.customerName),
    message: ctx.message,
    authorName: ctx.authorName,
  };
  const { providerId } = ctx.ticket;
  if (ctx.authorKind === "system") {
    const logins = await customerLogins(tx, providerId, ctx.ticket.customerId);
    await send(tx, providerId, "ticket_reply_to_customer", logins, payload);
    return;
  }
  const assignee = ctx.ticket.assigneeId ? await ticketHandler(tx, providerId, ctx.ticket.assigneeId) : null;
  const staff = assignee ? [assignee] : await ticketHandlers(tx, providerId);
  await send(tx, providerId, "ticket_reply_to_staff", except(staff, ctx.authorId), payload);
}

/** W5 step 4: resolving notifies the customer. */
export async function notifyResolved(
  tx: Db,
  deps: CoreDeps,
  ctx: { ticket: TicketRow; customerName: string; autoCloseDays: number },
) {
  const logins = await customerLogins(tx, ctx.ticket.providerId, ctx.ticket.customerId);
  const payload = { ...basePayload(deps, ctx.ticket, ctx.customerName), autoCloseDays: ctx.autoCloseDays };
  await send(tx, ctx.ticket.providerId, "ticket_resolved", logins, payload);
}

/** A newly assigned system user hears about it (unless they assigned themselves). */
export async function notifyAssigned(
  tx: Db,
  deps: CoreDeps,
  ctx: { ticket: TicketRow; customerName: string; actorId: string },
) {
  if (!ctx.ticket.assigneeId || ctx.ticket.assigneeId === ctx.actorId) return;
  const assignee = await ticketHandler(tx, ctx.ticket.providerId, ctx.ticket.assigneeId);
  if (!assignee) return;
  await send(
    tx,
    ctx.ticket.providerId,
    "ticket_assigned",
    [assignee],
    basePayload(deps, ctx.ticket, ctx.customerName),
  );
}
