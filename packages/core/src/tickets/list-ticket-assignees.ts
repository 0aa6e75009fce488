import type { TicketAssignee } from "@voltlane/contracts";
import type { Principal } from "../auth/principal";
import type { CoreDeps } from "../platform/deps";
import { assertCan } from "../policy/can";
import { ticketHandlers } from "./ticket-recipients";

/**
 * §6 "Tickets: assign": the provider's active system users who may handle tickets, for anyone who
 * may assign (not only super users, who alone list all system users).
 */
export async function listTicketAssignees(
  deps: CoreDeps,
  p: Principal,
): Promise<{ items: TicketAssignee[] }> {
  assertCan(p, "tickets_manage", "write");
  const handlers = await ticketHandlers(deps.db, p.providerId);
  const items = handlers
    .map(({ id, name, email }) => ({ id, name, email }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email));
  return { items };
}
