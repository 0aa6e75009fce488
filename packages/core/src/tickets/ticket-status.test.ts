import type { TicketStatus } from "@voltlane/contracts";
import { describe, expect, it } from "vitest";
import { nextTicketStatus, statusTimestamps, type TicketEvent } from "./ticket-status";

const sys = (to: TicketStatus): TicketEvent => ({ type: "set_status", to, by: "system" });
const cust = (to: TicketStatus): TicketEvent => ({ type: "set_status", to, by: "customer" });

describe("nextTicketStatus (R61)", () => {
  it.each<[TicketStatus, TicketEvent, TicketStatus]>([
    ["new", { type: "assign" }, "open"],
    ["new", { type: "system_reply" }, "open"],
    ["new", { type: "internal_note" }, "new"],
    ["new", { type: "customer_reply" }, "new"],
    ["open", { type: "assign" }, "open"],
    ["open", { type: "system_reply" }, "open"],
    ["open", { type: "customer_reply" }, "open"],
    ["waiting_on_customer", { type: "customer_reply" }, "open"],
    ["waiting_on_customer", { type: "system_reply" }, "waiting_on_customer"],
    ["resolved", { type: "customer_reply" }, "open"],
    ["resolved", { type: "system_reply" }, "resolved"],
    ["resolved", { type: "auto_close" }, "closed"],
    ["open", { type: "auto_close" }, "open"],
    ["waiting_on_customer", { type: "auto_close" }, "waiting_on_customer"],
    ["new", sys("open"), "open"],
    ["open", sys("waiting_on_customer"), "waiting_on_customer"],
    ["waiting_on_customer", sys("open"), "open"],
    ["open", sys("resolved"), "resolved"],
    ["waiting_on_customer", sys("resolved"), "resolved"],
    ["resolved", sys("open"), "open"],
    ["resolved", sys("closed"), "closed"],
    ["open", sys("open"), "open"],
    ["new", cust("closed"), "closed"],
    ["open", cust("closed"), "closed"],
    ["waiting_on_customer", cust("closed"), "closed"],
    ["resolved", cust("closed"), "closed"],
  ])("%s + %j → %s", (from, event, to) => {
    expect(nextTicketStatus(from, event)).toBe(to);
  });

  it.each<[TicketStatus, TicketEvent, string]>([
    ["closed", { type: "customer_reply" }, "business_rule"],
    ["closed", { type: "system_reply" }, "business_rule"],
    ["closed", { type: "assign" }, "business_rule"],
    ["closed", sys("open"), "business_rule"],
    ["closed", cust("closed"), "business_rule"],
    ["open", sys("new"), "business_rule"],
    ["resolved", sys("waiting_on_customer"), "business_rule"],
    ["open", cust("resolved"), "forbidden"],
    ["resolved", cust("open"), "forbidden"],
  ])("%s + %j is refused with %s", (from, event, code) => {
    expect(() => nextTicketStatus(from, event)).toThrow(expect.objectContaining({ code }));
  });
});

describe("statusTimestamps", () => {
  const now = new Date("2026-03-01T10:00:00Z");
  it.each<[TicketStatus, TicketStatus, ReturnType<typeof statusTimestamps>]>([
    ["open", "resolved", { resolvedAt: now }],
    ["resolved", "closed", { closedAt: now }],
    ["open", "closed", { closedAt: now }],
    ["resolved", "open", { resolvedAt: null }],
    ["new", "open", {}],
    ["open", "open", {}],
  ])("%s → %s", (from, to, expected) => {
    expect(statusTimestamps(from, to, now)).toEqual(expected);
  });
});
