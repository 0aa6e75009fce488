import type { TicketStatus, TicketSummary, UpdateTicketInput } from "@voltlane/contracts";
import { type Db, providers, tickets } from "@voltlane/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { AppError } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { assertCan } from "../policy/can";
import { notifyAssigned, notifyResolved } from "./notify-ticket";
import { lockVisibleTicket, type TicketRow, ticketOwnership } from "./ticket-access";
import { customerName } from "./ticket-names";
import { ticketHandler } from "./ticket-recipients";
import { nextTicketStatus, statusTimestamps } from "./ticket-status";
import { auditView, toTicketSummary } from "./ticket-views";

function assertAllowed(p: Principal, ticket: TicketRow, input: UpdateTicketInput) {
  if (p.kind === "customer") {
    // Customers may only close their own ticket (R61); the rest is staff work.
    assertCan(p, "tickets_reply", "write", ticketOwnership(ticket));
    if (input.assigneeId !== undefined || input.priority !== undefined || input.status !== "closed") {
      throw new AppError("forbidden", "customers may only close a ticket");
    }
    return;
  }
  assertCan(p, "tickets_manage", "write");
}

/** The status after this change: an explicit status wins, a first assignment opens a new ticket. */
function targetStatus(p: Principal, ticket: TicketRow, input: UpdateTicketInput): TicketStatus {
  const current = ticket.status as TicketStatus;
  if (input.status !== undefined) {
    return nextTicketStatus(current, { type: "set_status", to: input.status, by: p.kind });
  }
  if (input.assigneeId) return nextTicketStatus(current, { type: "assign" });
  return nextTicketStatus(current, { type: "internal_note" }); // refuses changes to closed tickets
}

async function assertAssignable(db: Db, providerId: string, assigneeId: string | null | undefined) {
  if (!assigneeId) return;
  if (!(await ticketHandler(db, providerId, assigneeId))) {
    throw new AppError("business_rule", "the assignee must be an active system user who handles tickets", {
      rule: "R62",
      field: "assigneeId",
    });
  }
}

async function autoCloseDays(db: Db, providerId: string): Promise<number> {
  const [row] = await db
    .select({ settings: providers.settings })
    .from(providers)
    .where(eq(providers.id, providerId));
  return row?.settings.ticketAutoCloseDays ?? 7;
}

/** PATCH a ticket: status (R61), assignee, priority; audited (R8), resolving notifies the customer. */
export async function updateTicket(
  deps: CoreDeps,
  p: Principal,
  ticketId: string,
  input: UpdateTicketInput,
): Promise<TicketSummary> {
  return deps.db.transaction(async (tx) => {
    const ticket = await lockVisibleTicket(tx, p, ticketId);
    assertAllowed(p, ticket, input);
    await assertAssignable(tx, p.providerId, input.assigneeId);
    const status = targetStatus(p, ticket, input);
    const now = deps.clock.now();
    const [updated] = await tx
      .update(tickets)
      .set({
        status,
        ...statusTimestamps(ticket.status as TicketStatus, status, now),
        ...(input.assigneeId !== undefined ? { assigneeId: input.assigneeId } : {}),
        ...(input.priority !== undefined ? { priority: input.priority } : {}),
        updatedAt: now,
      })
      .where(eq(tickets.id, ticket.id))
      .returning();
    await recordAudit(tx, p, {
      action: "ticket.update",
      entityType: "ticket",
      entityId: ticket.id,
      before: auditView(ticket),
      after: auditView(updated!),
      at: now,
    });
    const name = await customerName(tx, ticket.customerId);
    if (status === "resolved" && ticket.status !== "resolved") {
      const days = await autoCloseDays(tx, p.providerId);
      await notifyResolved(tx, deps, { ticket: updated!, customerName: name, autoCloseDays: days });
    }
    if (updated!.assigneeId && updated!.assigneeId !== ticket.assigneeId) {
      await notifyAssigned(tx, deps, { ticket: updated!, customerName: name, actorId: p.userId });
    }
    return toTicketSummary(updated!, name);
  });
}
