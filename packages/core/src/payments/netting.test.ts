import type { Database } from "@voltlane/db";
import { invoices, payments, payouts } from "@voltlane/db";
import { createTestDatabase } from "@voltlane/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SystemPrincipal } from "../auth/principal";
import { billingWorld } from "../invoicing/billing.fixtures";
import { runInvoicing } from "../invoicing/run-invoicing";
import { listNettingCandidates, netInvoices } from "./net-invoices";
import { recordPayment } from "./record-payment";

describe("netting (R59, R58)", () => {
  let database: Database;
  let world: Awaited<ReturnType<typeof billingWorld>>;
  let finance: SystemPrincipal;
  const inv: Record<string, typeof invoices.$inferSelect> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    world = await billingWorld(database.db);
    finance = world.finance;
    // A company that both charges elsewhere (cost invoice) and hosts a charger (self-bill).
    const host = await world.customer("company", {
      name: "Host",
      vat: "NL000099998B57",
      iban: "NL02RABO0123456789",
    });
    const owner = await world.customer("company", { name: "Owner" });
    const driver = await world.customer("private");
    const other = await world.customer("private", { iban: "NL44RABO0123456789" });
    const otherHost = await world.customer("company", { name: "Other host" });
    await world.session({
      payer: host.id,
      receiver: owner.id,
      stoppedAt: "2026-10-03T10:00:00Z",
      energyWh: 10_000,
      costNet: 1000,
    });
    await world.session({
      payer: driver.id,
      receiver: host.id,
      stoppedAt: "2026-10-04T10:00:00Z",
      energyWh: 10_000,
      costNet: 600,
    });
    await world.session({
      payer: other.id,
      receiver: otherHost.id,
      stoppedAt: "2026-10-05T10:00:00Z",
      energyWh: 1_000,
      costNet: 100,
    });
    const { invoices: created } = await runInvoicing(world.deps, world.actor, {
      providerId: world.providerId,
      period: "2026-10",
      trigger: "manual",
    });
    const pick = (customerId: string, kind: string) =>
      created.find((i) => i.customerId === customerId && i.kind === kind)!;
    Object.assign(inv, {
      hostCost: pick(host.id, "cost"),
      hostSelfBill: pick(host.id, "self-bill"),
      otherCost: pick(other.id, "cost"),
    });
  });
  afterAll(async () => database?.close());

  const invoice = async (id: string) =>
    (await database.db.select().from(invoices).where(eq(invoices.id, id)))[0]!;

  it("refuses what R59 does not allow, with clear codes", async () => {
    const net = (input: Parameters<typeof netInvoices>[2], p = finance) => netInvoices(world.deps, p, input);
    // 21 % VAT on both: debit 1000 + 210, credit 600 + 126.
    expect([inv.hostCost!.total, inv.hostSelfBill!.total]).toEqual([1210, 726]);
    await expect(
      net({ debitInvoiceId: inv.otherCost!.id, creditInvoiceId: inv.hostSelfBill!.id }),
    ).rejects.toMatchObject({
      code: "business_rule",
      details: { rule: "R59" },
    });
    await expect(
      net({ debitInvoiceId: inv.hostSelfBill!.id, creditInvoiceId: inv.hostCost!.id }),
    ).rejects.toMatchObject({
      code: "business_rule",
    });
    await expect(
      net({ debitInvoiceId: inv.hostCost!.id, creditInvoiceId: inv.hostSelfBill!.id, amount: 727 }),
    ).rejects.toMatchObject({ code: "business_rule", details: { debitOpen: 1210, creditOpen: 726 } });
    await expect(
      net(
        { debitInvoiceId: inv.hostCost!.id, creditInvoiceId: inv.hostSelfBill!.id },
        { ...finance, roles: ["support"] },
      ),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      net(
        { debitInvoiceId: inv.hostCost!.id, creditInvoiceId: inv.hostSelfBill!.id },
        { ...finance, providerId: "00000000-0000-0000-0000-000000000009" },
      ),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("lists the customers that can net", async () => {
    const candidates = await listNettingCandidates(world.deps, finance);
    expect(candidates).toHaveLength(1);
    expect(candidates[0]).toMatchObject({
      customerName: "Host",
      debits: [{ id: inv.hostCost!.id, open: 1210 }],
      credits: [{ id: inv.hostSelfBill!.id, open: 726 }],
    });
  });

  it("nets a part exactly, then the smaller side in full, and the rest by transfer", async () => {
    const first = await netInvoices(world.deps, finance, {
      debitInvoiceId: inv.hostCost!.id,
      creditInvoiceId: inv.hostSelfBill!.id,
      amount: 226,
    });
    expect(first).toMatchObject({
      amount: 226,
      debitSettlement: "partially_paid",
      creditSettlement: "payout_pending",
    });
    const bank = async () =>
      (await database.db.select().from(payouts).where(eq(payouts.invoiceId, inv.hostSelfBill!.id))).find(
        (p) => p.method === "bank_transfer",
      )!;
    expect((await bank()).amount).toBe(500);

    // Default amount: what is left of the smaller side (500 of the credit).
    const second = await netInvoices(world.deps, finance, {
      debitInvoiceId: inv.hostCost!.id,
      creditInvoiceId: inv.hostSelfBill!.id,
    });
    expect(second).toMatchObject({
      amount: 500,
      debitSettlement: "partially_paid",
      creditSettlement: "netted",
    });
    expect(await bank()).toMatchObject({ amount: 0, status: "cancelled" });
    const nettingPayouts = (
      await database.db.select().from(payouts).where(eq(payouts.invoiceId, inv.hostSelfBill!.id))
    )
      .filter((p) => p.method === "netting")
      .map((p) => [p.amount, p.status]);
    expect(nettingPayouts.sort()).toEqual(
      [
        [226, "paid"],
        [500, "paid"],
      ].sort(),
    );
    const debitPayments = await database.db
      .select()
      .from(payments)
      .where(eq(payments.invoiceId, inv.hostCost!.id));
    expect(debitPayments.map((p) => [p.method, p.amount]).sort()).toEqual(
      [
        ["netting", 226],
        ["netting", 500],
      ].sort(),
    );

    // A netted credit cannot be netted again.
    await expect(
      netInvoices(world.deps, finance, {
        debitInvoiceId: inv.hostCost!.id,
        creditInvoiceId: inv.hostSelfBill!.id,
      }),
    ).rejects.toMatchObject({ code: "business_rule" });
    // The remaining 484 paid by transfer closes the debit as netted (R58: settled with a netting).
    await recordPayment(world.deps, finance, inv.hostCost!.id, {
      amount: 484,
      method: "bank_transfer",
      receivedAt: "2026-11-20T10:00:00Z",
    });
    expect((await invoice(inv.hostCost!.id)).settlement).toBe("netted");
    expect((await invoice(inv.hostSelfBill!.id)).settlement).toBe("netted");
    expect(await listNettingCandidates(world.deps, finance)).toEqual([]);
  });
});
