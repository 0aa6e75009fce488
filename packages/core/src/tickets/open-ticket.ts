import type { OpenTicketInput, TicketSummary } from "@voltlane/contracts";
import { customers, type Db, ticketMessages, tickets } from "@voltlane/db";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { AppError } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { assertCan } from "../policy/can";
import { notifyNewTicket } from "./notify-ticket";
import { nextTicketNumber } from "./ticket-number";
import { auditView, toTicketSummary } from "./ticket-views";

export type OpenedTicket = TicketSummary & { messageId: string };

async function customerFor(db: Db, p: Principal, input: OpenTicketInput) {
  // R60: customers open tickets only for their own customer; staff name the customer.
  const customerId = p.kind === "customer" ? (input.customerId ?? p.customerId) : input.customerId;
  if (!customerId) {
    throw new AppError("validation_failed", "customerId is required", [
      { path: "body.customerId", message: "required for system users" },
    ]);
  }
  assertCan(p, "tickets_open", "write", { customerIds: [customerId] });
  const [customer] = await db
    .select({ id: customers.id, name: customers.name, status: customers.status })
    .from(customers)
    .where(and(eq(customers.id, customerId), eq(customers.providerId, p.providerId)));
  if (!customer) throw new AppError("not_found", "customer not found");
  return customer;
}

/** W5 step 1: a ticket in status `new` with its first message; handlers are notified (R62). */
export async function openTicket(
  deps: CoreDeps,
  p: Principal,
  input: OpenTicketInput,
): Promise<OpenedTicket> {
  return deps.db.transaction(async (tx) => {
    const customer = await customerFor(tx, p, input);
    const now = deps.clock.now();
    const [ticket] = await tx
      .insert(tickets)
      .values({
        providerId: p.providerId,
        number: await nextTicketNumber(tx, p.providerId),
        customerId: customer.id,
        createdByKind: p.kind,
        createdById: p.userId,
        subject: input.subject,
        category: input.category,
        priority: input.priority ?? "normal",
        relatedAssetType: input.relatedAsset?.type ?? null,
        relatedAssetId: input.relatedAsset?.id ?? null,
        lastMessageAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const [message] = await tx
      .insert(ticketMessages)
      .values({
        providerId: p.providerId,
        ticketId: ticket!.id,
        authorKind: p.kind,
        authorId: p.userId,
        body: input.message,
        createdAt: now,
      })
      .returning({ id: ticketMessages.id });
    await recordAudit(tx, p, {
      action: "ticket.open",
      entityType: "ticket",
      entityId: ticket!.id,
      after: { ...auditView(ticket!), subject: ticket!.subject },
      at: now,
    });
    await notifyNewTicket(tx, deps, {
      ticket: ticket!,
      customerName: customer.name,
      message: input.message,
      actorId: p.userId,
      byStaff: p.kind === "system",
    });
    return { ...toTicketSummary(ticket!, customer.name), messageId: message!.id };
  });
}
