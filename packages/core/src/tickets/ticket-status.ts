import type { TicketStatus } from "@voltlane/contracts";
import { AppError } from "../errors/app-error";

/** What happened to a ticket; the state machine decides the next status (R61). */
export type TicketEvent =
  | { type: "assign" }
  | { type: "system_reply" }
  | { type: "internal_note" }
  | { type: "customer_reply" }
  | { type: "set_status"; to: TicketStatus; by: "system" | "customer" }
  | { type: "auto_close" };

/** Manual moves a system user may make (our design: staff may close from any live state). */
const systemMoves: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ["open", "waiting_on_customer", "resolved", "closed"],
  open: ["waiting_on_customer", "resolved", "closed"],
  waiting_on_customer: ["open", "resolved", "closed"],
  resolved: ["open", "closed"],
  closed: [],
};

const refuse = (message: string) => new AppError("business_rule", message, { rule: "R61" });

/**
 * R61 as a pure function: new → open (assigned or first staff reply) ⇄ waiting_on_customer →
 * resolved → closed. A customer reply reopens waiting_on_customer and resolved; customers may close
 * at any time; closed is final (every event on it is refused with 422).
 */
export function nextTicketStatus(current: TicketStatus, event: TicketEvent): TicketStatus {
  if (current === "closed") throw refuse("the ticket is closed");
  switch (event.type) {
    case "assign":
    case "system_reply":
      return current === "new" ? "open" : current;
    case "internal_note":
      return current;
    case "customer_reply":
      return current === "waiting_on_customer" || current === "resolved" ? "open" : current;
    case "auto_close":
      return current === "resolved" ? "closed" : current;
    case "set_status":
      return setStatus(current, event.to, event.by);
  }
}

function setStatus(current: TicketStatus, to: TicketStatus, by: "system" | "customer"): TicketStatus {
  if (to === current) return current;
  if (by === "customer") {
    if (to !== "closed") throw new AppError("forbidden", "customers may only close a ticket");
    return to;
  }
  if (!systemMoves[current].includes(to)) throw refuse(`a ticket cannot move from ${current} to ${to}`);
  return to;
}

/** The timestamps that follow a status change. */
export function statusTimestamps(
  from: TicketStatus,
  to: TicketStatus,
  now: Date,
): { resolvedAt?: Date | null; closedAt?: Date } {
  if (from === to) return {};
  if (to === "resolved") return { resolvedAt: now };
  if (to === "closed") return { closedAt: now };
  // Reopened: the resolution no longer counts toward auto-close.
  if (from === "resolved") return { resolvedAt: null };
  return {};
}
