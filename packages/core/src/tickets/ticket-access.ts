import { type Db, tickets } from "@voltlane/db";
import { and, eq } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import { AppError } from "../errors/app-error";
import { assertCan, can } from "../policy/can";

export type TicketRow = typeof tickets.$inferSelect;

/**
 * R60: a customer sees only tickets of its own customer (company admins: the company's tickets,
 * not those of its employees, hence no companyIds). Staff see the provider's tickets (R4).
 */
export function ticketOwnership(ticket: Pick<TicketRow, "customerId">) {
  return { customerIds: [ticket.customerId] };
}

/** The ticket if the principal may read it; otherwise 404, never 403 (R4). */
export async function loadVisibleTicket(db: Db, p: Principal, ticketId: string): Promise<TicketRow> {
  const [ticket] = await db
    .select()
    .from(tickets)
    .where(and(eq(tickets.id, ticketId), eq(tickets.providerId, p.providerId)));
  if (!ticket || !can(p, "tickets_reply", "read", ticketOwnership(ticket))) {
    throw new AppError("not_found", "ticket not found");
  }
  return ticket;
}

/** Same, locked for update inside the caller's transaction. */
export async function lockVisibleTicket(tx: Db, p: Principal, ticketId: string): Promise<TicketRow> {
  const visible = await loadVisibleTicket(tx, p, ticketId);
  const [locked] = await tx.select().from(tickets).where(eq(tickets.id, visible.id)).for("update");
  return locked!;
}

export function assertCanReply(p: Principal, ticket: TicketRow, internal: boolean): void {
  assertCan(p, "tickets_reply", "write", ticketOwnership(ticket));
  // R60: internal notes are staff-only.
  if (internal) assertCan(p, "tickets_manage", "write");
}

/** Whether this principal may see internal notes and their files. */
export function seesInternal(p: Principal): boolean {
  return p.kind === "system" && can(p, "tickets_manage", "read");
}
