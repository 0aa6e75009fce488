import {
  type TicketListQuery,
  type TicketPage,
  type TicketStatus,
  type TicketStatusCounts,
  ticketStatuses,
} from "@voltlane/contracts";
import { customers, tickets } from "@voltlane/db";
import { and, count, desc, eq, ilike, inArray, isNull, lte, or, type SQL } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import type { CoreDeps } from "../platform/deps";
import { sortOrder } from "../platform/sort-order";
import { assertCan } from "../policy/can";
import { toTicketSummary } from "./ticket-views";

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Every filter but status; the counts per status are taken over these. */
function baseFilters(deps: CoreDeps, p: Principal, q: TicketListQuery): SQL[] {
  const where: SQL[] = [eq(tickets.providerId, p.providerId)];
  // R60: customers (and system users viewing as one) see their own customer's tickets only.
  if (p.kind === "customer") where.push(eq(tickets.customerId, p.customerId));
  if (q.customerId) where.push(eq(tickets.customerId, q.customerId));
  if (q.category) where.push(eq(tickets.category, q.category));
  if (q.assigneeId === "none") where.push(isNull(tickets.assigneeId));
  else if (q.assigneeId) where.push(eq(tickets.assigneeId, q.assigneeId));
  if (q.olderThanHours !== undefined) {
    where.push(lte(tickets.createdAt, new Date(deps.clock.now().getTime() - q.olderThanHours * 3_600_000)));
  }
  if (q.q) {
    const pattern = `%${escapeLike(q.q)}%`;
    where.push(or(ilike(tickets.subject, pattern), ilike(tickets.number, pattern))!);
  }
  return where;
}

const sortColumns = {
  number: tickets.number,
  subject: tickets.subject,
  category: tickets.category,
  status: tickets.status,
  createdAt: tickets.createdAt,
  lastMessageAt: tickets.lastMessageAt,
};

/** The ticket queue: filters, newest activity first, with counts per status (W5, §6 Tickets). */
export async function listTickets(deps: CoreDeps, p: Principal, q: TicketListQuery): Promise<TicketPage> {
  assertCan(p, "tickets_reply", "read");
  const base = baseFilters(deps, p, q);
  const where = q.status?.length ? [...base, inArray(tickets.status, q.status)] : base;
  const [rows, [total], countRows] = await Promise.all([
    deps.db
      .select({ ticket: tickets, customerName: customers.name })
      .from(tickets)
      .innerJoin(customers, eq(customers.id, tickets.customerId))
      .where(and(...where))
      .orderBy(
        ...sortOrder(q, sortColumns, tickets.id, [
          desc(tickets.lastMessageAt),
          desc(tickets.number),
          desc(tickets.id),
        ]),
      )
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    deps.db
      .select({ n: count() })
      .from(tickets)
      .where(and(...where)),
    deps.db
      .select({ status: tickets.status, n: count() })
      .from(tickets)
      .where(and(...base))
      .groupBy(tickets.status),
  ]);
  const counts = Object.fromEntries(ticketStatuses.map((s) => [s, 0])) as TicketStatusCounts;
  for (const row of countRows) counts[row.status as TicketStatus] = Number(row.n);
  return {
    items: rows.map((r) => toTicketSummary(r.ticket, r.customerName)),
    total: Number(total?.n ?? 0),
    page: q.page,
    pageSize: q.pageSize,
    counts,
  };
}
