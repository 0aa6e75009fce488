import type { Ticket, TicketMessage } from "@voltlane/contracts";
import { ticketFiles, ticketMessages } from "@voltlane/db";
import { and, asc, eq } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import type { CoreDeps } from "../platform/deps";
import { loadVisibleTicket, seesInternal } from "./ticket-access";
import { authorNames, customerName } from "./ticket-names";
import { toTicketFile, toTicketSummary } from "./ticket-views";

/** One ticket with its messages and files; internal notes only for system users (R60). */
export async function getTicket(deps: CoreDeps, p: Principal, ticketId: string): Promise<Ticket> {
  const ticket = await loadVisibleTicket(deps.db, p, ticketId);
  const internalToo = seesInternal(p);
  const visible = internalToo ? [] : [eq(ticketMessages.internal, false)];
  const messages = await deps.db
    .select()
    .from(ticketMessages)
    .where(and(eq(ticketMessages.ticketId, ticket.id), ...visible))
    .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id));
  const files = await deps.db
    .select()
    .from(ticketFiles)
    .where(eq(ticketFiles.ticketId, ticket.id))
    .orderBy(asc(ticketFiles.createdAt));
  const names = await authorNames(deps.db, messages);
  const items: TicketMessage[] = messages.map((m) => ({
    id: m.id,
    authorKind: m.authorKind as TicketMessage["authorKind"],
    authorId: m.authorId,
    authorName: names.get(m.authorId) ?? "",
    body: m.body,
    internal: m.internal,
    createdAt: m.createdAt.toISOString(),
    // Files of hidden (internal) messages never show, because their message is not in the list.
    files: files.filter((f) => f.messageId === m.id).map(toTicketFile),
  }));
  return {
    ...toTicketSummary(ticket, await customerName(deps.db, ticket.customerId)),
    messages: items,
  };
}
