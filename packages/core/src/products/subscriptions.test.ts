import type { Database } from "@voltlane/db";
import { invoiceLines, invoices, providers } from "@voltlane/db";
import { createTestDatabase } from "@voltlane/db/testing";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SystemPrincipal } from "../auth/principal";
import { billingWorld } from "../invoicing/billing.fixtures";
import { issueDraftInvoice } from "../invoicing/issue-draft-invoice";
import { runInvoicing } from "../invoicing/run-invoicing";
import { createProduct, createSubscription } from "./manage-products";

describe("subscriptions (R30, R47), mixed VAT rates, reverse-charge self-bills and review before issue", () => {
  let database: Database;
  let world: Awaited<ReturnType<typeof billingWorld>>;
  let finance: SystemPrincipal;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    world = await billingWorld(database.db);
    finance = world.finance;
    const a = await world.customer("private", { name: "Anna" });
    const b = await world.customer("private", { name: "Bert" });
    const belgianOwner = await world.customer("company", {
      name: "Borne SA",
      country: "BE",
      vat: "BE0123456749",
    });
    Object.assign(ids, { a: a.id, b: b.id, owner: belgianOwner.id });
    const monthly = await createProduct(world.deps, finance, {
      name: "Card fee",
      kind: "card_subscription",
      frequency: "monthly",
      price: "1.25",
      vatRate: "21",
    });
    const oneOff = await createProduct(world.deps, finance, {
      name: "Activation",
      kind: "addon",
      frequency: "one_off",
      price: "10.00",
      vatRate: "21.00",
    });
    const subscribe = (productId: string, payer: string, startMonth: string, endMonth?: string) =>
      createSubscription(world.deps, finance, {
        productId,
        payerCustomerId: payer,
        startMonth,
        endMonth,
        subjectType: "charge_card",
        subjectId: "NL-VLT-1",
      });
    await subscribe(monthly.id, a.id, "2026-09");
    await subscribe(monthly.id, a.id, "2026-11");
    await subscribe(monthly.id, b.id, "2026-06", "2026-09");
    await subscribe(oneOff.id, a.id, "2026-10");
    await subscribe(oneOff.id, b.id, "2026-08");
    // A 9 % tariff session for Anna at the Belgian company's charger.
    await world.session({
      payer: a.id,
      receiver: belgianOwner.id,
      stoppedAt: "2026-10-08T10:00:00Z",
      energyWh: 10_000,
      costNet: 333,
      vatRate: "9.00",
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  const lines = (invoiceId: string) =>
    database.db
      .select()
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, invoiceId))
      .orderBy(asc(invoiceLines.position));
  const run = (period: string) =>
    runInvoicing(world.deps, world.actor, { providerId: world.providerId, period, trigger: "manual" });

  it("charges monthly products active on the 1st and one-off products once, beside the sessions", async () => {
    const { invoices: created } = await run("2026-10");
    const anna = created.find((i) => i.customerId === ids.a)!;
    expect((await lines(anna.id)).map((l) => [l.kind, l.description, l.net, l.vatRate])).toEqual([
      ["session_cost", expect.stringContaining("Charging session 2026-10-08"), 333, "9.00"],
      ["addon", "Activation (NL-VLT-1)", 1000, "21.00"],
      ["card_subscription", "Card fee 2026-10 (NL-VLT-1)", 125, "21.00"],
    ]);
    // R2: VAT per (scope, rate) on the net sum: 1125 × 21 % = 236.25 → 236; 333 × 9 % = 29.97 → 30.
    expect(anna.vatBreakdown).toEqual([
      { scope: "standard", rate: "21.00", net: 1125, vat: 236 },
      { scope: "standard", rate: "9.00", net: 333, vat: 30 },
    ]);
    expect(anna).toMatchObject({ netTotal: 1458, vatTotal: 266, total: 1724 });
    const bert = created.find((i) => i.customerId === ids.b)!;
    expect((await lines(bert.id)).map((l) => [l.kind, l.net])).toEqual([["addon", 1000]]);
  });

  it("self-bills a company receiver in another EU state with a valid VAT number under reverse charge (R45, R46)", async () => {
    const [selfBill] = await database.db.select().from(invoices).where(eq(invoices.customerId, ids.owner!));
    expect(selfBill).toMatchObject({ kind: "self-bill", reverseCharge: true, vatTotal: 0, total: 333 });
    expect(selfBill!.vatBreakdown).toEqual([{ scope: "reverse_charge", rate: "0.00", net: 333, vat: 0 }]);
  });

  it("charges the next month once more and keeps drafts unnumbered with reviewBeforeIssue (W3 step 4)", async () => {
    await database.db
      .update(providers)
      .set({ settings: sql`${providers.settings} || '{"reviewBeforeIssue": true}'::jsonb` })
      .where(eq(providers.id, world.providerId));
    world.clock.set("2026-12-16T01:00:00Z");
    const { invoices: drafts } = await run("2026-11");
    expect(drafts.map((d) => [d.customerId, d.status, d.number, d.total])).toEqual([
      [ids.a, "draft", null, 2 * 125 + 53],
    ]);
    expect((await lines(drafts[0]!.id)).map((l) => l.description)).toEqual([
      "Card fee 2026-11 (NL-VLT-1)",
      "Card fee 2026-11 (NL-VLT-1)",
    ]);
    expect((await run("2026-11")).invoices).toEqual([]);
    const issued = await issueDraftInvoice(world.deps, finance, drafts[0]!.id);
    expect(issued).toMatchObject({ status: "issued", number: "03-VLT-000004", dueDate: "2026-12-30" });
    await expect(issueDraftInvoice(world.deps, finance, drafts[0]!.id)).rejects.toMatchObject({
      code: "already_issued",
    });
  });
});
