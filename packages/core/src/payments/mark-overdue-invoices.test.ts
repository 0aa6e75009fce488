import type { Database } from "@voltlane/db";
import { auditEntries, invoices, notifications } from "@voltlane/db";
import { createTestDatabase } from "@voltlane/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SystemPrincipal } from "../auth/principal";
import { billingWorld } from "../invoicing/billing.fixtures";
import { runInvoicing } from "../invoicing/run-invoicing";
import { markOverdueInvoices } from "./mark-overdue-invoices";
import { recordPayment } from "./record-payment";

describe("overdue debits (R58)", () => {
  let database: Database;
  let world: Awaited<ReturnType<typeof billingWorld>>;
  const inv: Record<string, typeof invoices.$inferSelect> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    // Issued on 2026-11-15 (Europe/Amsterdam): due 14 days later, on 2026-11-29 (R57).
    world = await billingWorld(database.db, "2026-11-15T01:00:00Z");
    const late = await world.customer("private", { name: "Late" });
    const paying = await world.customer("private", { name: "Paying" });
    const owner = await world.customer("company", { name: "Owner", iban: "NL02RABO0123456789" });
    await world.session({
      payer: late.id,
      receiver: owner.id,
      stoppedAt: "2026-10-03T10:00:00Z",
      energyWh: 10_000,
      costNet: 1000,
    });
    await world.session({
      payer: paying.id,
      receiver: owner.id,
      stoppedAt: "2026-10-04T10:00:00Z",
      energyWh: 10_000,
      costNet: 500,
    });
    const { invoices: created } = await runInvoicing(world.deps, world.actor, {
      providerId: world.providerId,
      period: "2026-10",
      trigger: "manual",
    });
    Object.assign(inv, {
      late: created.find((i) => i.customerId === late.id)!,
      paying: created.find((i) => i.customerId === paying.id)!,
      selfBill: created.find((i) => i.customerId === owner.id)!,
    });
  });
  afterAll(async () => database?.close());

  const settlementOf = async (id: string) =>
    (await database.db.select().from(invoices).where(eq(invoices.id, id)))[0]!.settlement;
  const overdueNotes = () =>
    database.db.select().from(notifications).where(eq(notifications.template, "invoice_overdue"));

  it("leaves debits alone on their due date (provider time)", async () => {
    expect(inv.late!.dueDate).toBe("2026-11-29");
    world.clock.set("2026-11-29T22:59:59Z"); // 23:59:59 in Amsterdam
    expect(await markOverdueInvoices(world.deps)).toEqual({ overdue: 0 });
    expect(await settlementOf(inv.late!.id)).toBe("open");
  });

  it("marks unpaid debits overdue the day after, tells the customer and finance once", async () => {
    const finance: SystemPrincipal = world.finance;
    await recordPayment(world.deps, finance, inv.paying!.id, {
      amount: inv.paying!.total,
      method: "bank_transfer",
      receivedAt: "2026-11-20T10:00:00Z",
    });
    world.clock.set("2026-11-29T23:00:00Z"); // 00:00 on 30 November in Amsterdam
    expect(await markOverdueInvoices(world.deps)).toEqual({ overdue: 1 });
    expect(await settlementOf(inv.late!.id)).toBe("overdue");
    expect(await settlementOf(inv.paying!.id)).toBe("paid");
    expect(await settlementOf(inv.selfBill!.id)).not.toBe("overdue");
    const notes = await overdueNotes();
    expect(notes.map((n) => [n.channel, n.recipientKind]).sort()).toEqual([
      ["email", "customer"],
      ["in_app", "system"],
    ]);
    expect(notes.find((n) => n.channel === "email")!.subject).toContain(inv.late!.number!);
    const audit = await database.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.action, "invoice.overdue"));
    expect(audit).toHaveLength(1);

    // Idempotent: the next pass finds nothing new and sends nothing more.
    expect(await markOverdueInvoices(world.deps)).toEqual({ overdue: 0 });
    expect(await overdueNotes()).toHaveLength(2);

    // A part payment keeps it overdue; paying the rest settles it.
    await recordPayment(world.deps, finance, inv.late!.id, {
      amount: 10,
      method: "bank_transfer",
      receivedAt: "2026-12-01T10:00:00Z",
    });
    expect(await settlementOf(inv.late!.id)).toBe("overdue");
    await recordPayment(world.deps, finance, inv.late!.id, {
      amount: inv.late!.total - 10,
      method: "bank_transfer",
      receivedAt: "2026-12-02T10:00:00Z",
    });
    expect(await settlementOf(inv.late!.id)).toBe("paid");
  });
});
