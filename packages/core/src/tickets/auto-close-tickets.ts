import { providers, tickets } from "@voltlane/db";
import { and, eq, lte } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { JobPrincipal } from "../auth/principal";
import type { CoreDeps } from "../platform/deps";

const dayMs = 86_400_000;

/**
 * R61: resolved tickets close after the provider's `ticketAutoCloseDays`. Rows are claimed with
 * SKIP LOCKED and re-checked, so several processes and repeated runs close each ticket once.
 */
export async function autoCloseResolvedTickets(deps: CoreDeps): Promise<{ closed: number }> {
  const all = await deps.db.select({ id: providers.id, settings: providers.settings }).from(providers);
  let closed = 0;
  for (const provider of all) {
    const days = provider.settings.ticketAutoCloseDays ?? 7;
    closed += await closeForProvider(deps, provider.id, days);
  }
  return { closed };
}

async function closeForProvider(deps: CoreDeps, providerId: string, days: number): Promise<number> {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - days * dayMs);
  const actor: JobPrincipal = { kind: "job", providerId, name: "ticket-auto-close" };
  return deps.db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(tickets)
      .where(
        and(
          eq(tickets.providerId, providerId),
          eq(tickets.status, "resolved"),
          lte(tickets.resolvedAt, cutoff),
        ),
      )
      .limit(500)
      .for("update", { skipLocked: true });
    for (const ticket of due) {
      await tx
        .update(tickets)
        .set({ status: "closed", closedAt: now, updatedAt: now })
        .where(eq(tickets.id, ticket.id));
      await recordAudit(tx, actor, {
        action: "ticket.auto_close",
        entityType: "ticket",
        entityId: ticket.id,
        before: { status: "resolved" },
        after: { status: "closed" },
        at: now,
      });
    }
    return due.length;
  });
}
