import { auditEntries, type Database, notifications, tickets } from "@voltlane/db";
import { createTestDatabase } from "@voltlane/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CustomerPrincipal, SystemPrincipal } from "../auth/principal";
import { fixedClock } from "../platform/clock";
import type { CoreDeps } from "../platform/deps";
import { bootstrapPlatform } from "../providers/bootstrap";
import { autoCloseResolvedTickets } from "./auto-close-tickets";
import { openTicket } from "./open-ticket";
import { insertCompany, insertProvider, insertSystemUser } from "./ticket-test-fixtures";
import { updateTicket } from "./update-ticket";

const day = 86_400_000;

describe("tickets in core: numbering, recipients per preference, auto-close (R61, R62)", () => {
  let database: Database;
  let deps: CoreDeps;
  const clock = fixedClock("2026-03-01T09:00:00Z");
  let staff: SystemPrincipal;
  let customer: CustomerPrincipal;
  let ids: { email: string; inApp: string; both: string; none: string; viewer: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    await bootstrapPlatform(db, {});
    const provider = await insertProvider(db, { ticketAutoCloseDays: 7 });
    deps = { db, clock, secretKey: "0".repeat(64), publicUrl: "https://portal.test" };
    const user = (email: string, roles: string[], ticketNotify: string) =>
      insertSystemUser(db, provider.id, { email, roles, ticketNotify }).then((u) => u.id);
    ids = {
      email: await user("mail@p.test", ["support"], "email"),
      inApp: await user("app@p.test", ["operations"], "in_app"),
      both: await user("both@p.test", ["finance"], "both"),
      none: await user("none@p.test", ["admin"], "none"),
      viewer: await user("viewer@p.test", ["viewer"], "both"),
    };
    staff = {
      kind: "system",
      userId: ids.none,
      providerId: provider.id,
      roles: ["admin"],
      isSuper: false,
      isPlatformOperator: false,
    };
    const company = await insertCompany(db, provider.id, "Acme", { email: "boss@acme.test", language: "nl" });
    customer = {
      kind: "customer",
      userId: company.login.id,
      providerId: provider.id,
      customerId: company.customer.id,
      customerType: "company",
      role: "company_admin",
      companyId: null,
    };
  });
  afterAll(async () => {
    await database?.close();
  });

  it("numbers tickets per provider without gaps and notifies handlers per their preference", async () => {
    const first = await openTicket(deps, customer, { subject: "A", category: "question", message: "hello" });
    const second = await openTicket(deps, customer, { subject: "B", category: "billing", message: "again" });
    expect([first.number, second.number]).toEqual(["T-000001", "T-000002"]);
    const sent = await deps.db
      .select({
        to: notifications.recipientId,
        channel: notifications.channel,
        payload: notifications.payload,
      })
      .from(notifications)
      .where(eq(notifications.template, "ticket_new"));
    const forFirst = sent.filter((n) => n.payload.ticketId === first.id);
    const channelsOf = (id: string) =>
      forFirst
        .filter((n) => n.to === id)
        .map((n) => n.channel)
        .sort();
    expect(channelsOf(ids.email)).toEqual(["email"]);
    expect(channelsOf(ids.inApp)).toEqual(["in_app"]);
    expect(channelsOf(ids.both)).toEqual(["email", "in_app"]);
    expect(channelsOf(ids.none)).toEqual([]);
    expect(channelsOf(ids.viewer)).toEqual([]); // viewers do not handle tickets
  });

  it("renders the customer's mail in the recipient's language", async () => {
    const ticket = await openTicket(deps, customer, { subject: "Taal", category: "other", message: "hoi" });
    await updateTicket(deps, staff, ticket.id, { status: "resolved" });
    const [mail] = await deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.template, "ticket_resolved"), eq(notifications.channel, "email")));
    expect(mail).toMatchObject({ recipientEmail: "boss@acme.test", language: "nl" });
    expect(mail!.subject).toContain("opgelost");
    expect(mail!.body).toContain("7 dagen");
  });

  it("closes resolved tickets after ticketAutoCloseDays, once, and audits it", async () => {
    const ticket = await openTicket(deps, customer, { subject: "Close me", category: "card", message: "x" });
    const reopened = await openTicket(deps, customer, { subject: "Keep", category: "card", message: "y" });
    await updateTicket(deps, staff, ticket.id, { status: "resolved" });
    await updateTicket(deps, staff, reopened.id, { status: "resolved" });
    await updateTicket(deps, staff, reopened.id, { status: "open" }); // reopened: no longer due
    clock.advance(7 * day - 60_000);
    await autoCloseResolvedTickets(deps);
    const statusOf = async (id: string) =>
      (await deps.db.select().from(tickets).where(eq(tickets.id, id)))[0]!;
    expect((await statusOf(ticket.id)).status).toBe("resolved");
    clock.advance(120_000);
    const run = await autoCloseResolvedTickets(deps);
    expect(run.closed).toBeGreaterThanOrEqual(1);
    const closed = await statusOf(ticket.id);
    expect(closed.status).toBe("closed");
    expect(closed.closedAt).toEqual(clock.now());
    expect((await statusOf(reopened.id)).status).toBe("open");
    expect((await autoCloseResolvedTickets(deps)).closed).toBe(0);
    const audit = await deps.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.entityId, ticket.id), eq(auditEntries.action, "ticket.auto_close")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorKind: "job", actorId: "ticket-auto-close" });
  });
});
