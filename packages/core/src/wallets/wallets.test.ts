import { type Database, invoiceLines, transactions } from "@voltlane/db";
import { createTestDatabase } from "@voltlane/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CustomerPrincipal } from "../auth/principal";
import { staffPrincipal } from "../auth/principal.fixtures";
import { aCard, aChargePoint, aCustomer, aGroup, aProvider, aTariff } from "../authorization/assets.fixtures";
import { updateChargeCard } from "../charge-cards/card-lifecycle";
import { billingWorld } from "../invoicing/billing.fixtures";
import { runInvoicing } from "../invoicing/run-invoicing";
import { fixedClock } from "../platform/clock";
import type { CoreDeps } from "../platform/deps";
import { startSession } from "../sessions/start-session";
import { stopSession } from "../sessions/stop-session";
import { createWallet, depositToWallet, getCardWallet } from "./manage-wallet";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

const staff = staffPrincipal;
const page = { page: 1, pageSize: 50 };

async function walletWorld() {
  const { db } = database;
  const deps: CoreDeps = {
    db,
    clock: fixedClock("2026-05-01T12:00:00Z"),
    secretKey: "0".repeat(64),
    publicUrl: "http://localhost",
  };
  const provider = await aProvider(db);
  const tariff = await aTariff(db, provider.id, { energyPrice: "0.3500", vatRate: "21.00" });
  const group = await aGroup(db, provider.id, { access: "provider", tariffId: tariff.id });
  const cp = await aChargePoint(db, provider.id, { chargeGroupId: group.id });
  const driver = await aCustomer(db, provider.id, { status: "active" });
  const card = await aCard(db, provider.id, {
    customerId: driver.id,
    payerCustomerId: driver.id,
    roamingAllowed: true,
  });
  const customer: CustomerPrincipal = {
    kind: "customer",
    userId: "00000000-0000-0000-0000-0000000000c1",
    providerId: provider.id,
    customerId: driver.id,
    customerType: "private",
    role: "private_user",
    companyId: null,
  };
  let meter = 0;
  let hour = 0;
  /** One session of `wh` Wh lasting an hour, started and stopped over the sessions feature. */
  async function charge(wh: number) {
    hour += 2;
    const startedAt = new Date(Date.UTC(2026, 4, 2, hour));
    const stoppedAt = new Date(startedAt.getTime() + 3_600_000);
    const start = await startSession(deps, {
      chargePointId: cp.id,
      connectorId: 1,
      idTag: card.rfid,
      meterStartWh: meter,
      startedAt,
    });
    const stop = { chargePointId: cp.id, ocppTransactionId: start.ocppTransactionId, stoppedAt };
    if (start.authorization.status === "Accepted") {
      await stopSession(deps, { ...stop, meterStopWh: meter + wh });
      meter += wh;
    }
    return { start, stop: { ...stop, meterStopWh: meter } };
  }
  return { deps, provider, card, customer, charge };
}

describe("wallets (R29, R32 #8, R39)", () => {
  it("deposits by finance, debits each session at stop once, goes negative once, then refuses", async () => {
    const w = await walletWorld();
    const finance = staff(w.provider.id, ["finance"]);
    expect(await getCardWallet(w.deps, finance, w.card.id, page)).toBeNull();
    const deposited = await depositToWallet(w.deps, finance, w.card.id, {
      amount: 1000,
      reference: "BANK-1",
    });
    expect(deposited).toMatchObject({ balance: 1000, currency: "EUR", entriesTotal: 1 });

    // 10 kWh × 0.35 = 350 net + 21 % VAT 73.5 → 74 (R2 half-up): 424.
    const first = await w.charge(10_000);
    expect(first.start.authorization.status).toBe("Accepted");
    expect((await getCardWallet(w.deps, finance, w.card.id, page))!.balance).toBe(576);
    // A replayed StopTransaction debits nothing more.
    await stopSession(w.deps, first.stop);
    expect((await getCardWallet(w.deps, finance, w.card.id, page))!.balance).toBe(576);

    // 20 kWh: 700 + 147 = 847 takes the balance below zero, once.
    const second = await w.charge(20_000);
    expect(second.start.authorization.status).toBe("Accepted");
    const negative = (await getCardWallet(w.deps, finance, w.card.id, page))!;
    expect(negative.balance).toBe(-271);
    expect(negative.entries.map((e) => [e.kind, e.amount])).toEqual([
      ["session", -847],
      ["session", -424],
      ["deposit", 1000],
    ]);
    const [session] = await database.db
      .select()
      .from(transactions)
      .where(eq(transactions.id, negative.entries[0]!.transactionId!));
    expect(session!.walletId).toBe(negative.id);

    const third = await w.charge(5_000);
    expect(third.start.authorization.status).toBe("Invalid");
    // A deposit back into credit lets the card charge again.
    await depositToWallet(w.deps, finance, w.card.id, { amount: 300 });
    expect((await w.charge(1_000)).start.authorization.status).toBe("Accepted");
  });

  it("a wallet card never roams (R29)", async () => {
    const w = await walletWorld();
    const admin = staff(w.provider.id, ["admin"]);
    await createWallet(w.deps, admin, w.card.id);
    const card = await updateChargeCard(w.deps, admin, w.card.id, { label: "Van" });
    expect(card.roaming).toBe(false);
    await expect(updateChargeCard(w.deps, admin, w.card.id, { roaming: true })).rejects.toMatchObject({
      code: "business_rule",
      details: { rule: "R29" },
    });
    await expect(createWallet(w.deps, admin, w.card.id)).rejects.toMatchObject({ code: "duplicate" });
  });

  it("follows the permission matrix row `wallet`", async () => {
    const w = await walletWorld();
    const deposit = { amount: 500 };
    await expect(
      depositToWallet(w.deps, staff(w.provider.id, ["operations"]), w.card.id, deposit),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      depositToWallet(w.deps, staff(w.provider.id, ["viewer"]), w.card.id, deposit),
    ).rejects.toMatchObject({ code: "forbidden" });
    // The card's own private user may open a wallet and read it, but not book money into it.
    await createWallet(w.deps, w.customer, w.card.id);
    await expect(depositToWallet(w.deps, w.customer, w.card.id, deposit)).rejects.toMatchObject({
      code: "forbidden",
    });
    expect((await getCardWallet(w.deps, w.customer, w.card.id, page))!.balance).toBe(0);
    expect(await getCardWallet(w.deps, staff(w.provider.id, ["viewer"]), w.card.id, page)).not.toBeNull();
    // Another customer of the provider does not see the card at all (R4).
    const other = { ...w.customer, customerId: (await aCustomer(database.db, w.provider.id)).id };
    await expect(getCardWallet(w.deps, other, w.card.id, page)).rejects.toMatchObject({ code: "not_found" });
    // Another provider's staff neither.
    const foreign = staff((await aProvider(database.db)).id, ["admin"]);
    await expect(getCardWallet(w.deps, foreign, w.card.id, page)).rejects.toMatchObject({
      code: "not_found",
    });
    // Viewing as the customer is read-only (R7).
    await expect(createWallet(w.deps, { ...w.customer, viewAsBy: "x" }, w.card.id)).rejects.toMatchObject({
      code: "view_as_read_only",
    });
  });

  it("needs a card whose user pays for it", async () => {
    const w = await walletWorld();
    const company = await aCustomer(database.db, w.provider.id, { type: "company" });
    const card = await aCard(database.db, w.provider.id, {
      customerId: w.customer.customerId,
      payerCustomerId: company.id,
    });
    await expect(
      depositToWallet(w.deps, staff(w.provider.id, ["finance"]), card.id, { amount: 100 }),
    ).rejects.toMatchObject({
      code: "business_rule",
    });
  });
});

describe("wallet sessions and the monthly run (R39, R40, R53)", () => {
  it("invoices no payer line for a wallet session, but the receiver still gets its revenue", async () => {
    const world = await billingWorld(database.db);
    const driver = await world.customer("private");
    const owner = await world.customer("company", { name: "Host" });
    const walletSession = await world.session({
      payer: driver.id,
      receiver: owner.id,
      stoppedAt: "2026-10-03T10:00:00Z",
      energyWh: 10_000,
      costNet: 350,
    });
    await database.db
      .update(transactions)
      .set({ walletId: "00000000-0000-0000-0000-00000000aaaa" })
      .where(eq(transactions.id, walletSession.id));
    await world.session({
      payer: driver.id,
      receiver: owner.id,
      stoppedAt: "2026-10-04T10:00:00Z",
      energyWh: 10_000,
      costNet: 200,
    });
    const run = await runInvoicing(world.deps, world.actor, {
      providerId: world.providerId,
      period: "2026-10",
      trigger: "manual",
    });
    const cost = run.invoices.find((i) => i.customerId === driver.id && i.kind === "cost")!;
    const selfBill = run.invoices.find((i) => i.customerId === owner.id && i.kind === "self-bill")!;
    expect(cost.netTotal).toBe(200);
    expect(selfBill.netTotal).toBe(550);
    // The lines hold the session's sides (R53): only the receiver's.
    const held = await database.db
      .select({ kind: invoiceLines.kind })
      .from(invoiceLines)
      .where(eq(invoiceLines.transactionId, walletSession.id));
    expect(held.map((line) => line.kind)).toEqual(["session_revenue"]);
    // The next run finds nothing left to do for it.
    const rerun = await runInvoicing(world.deps, world.actor, {
      providerId: world.providerId,
      period: "2026-10",
      trigger: "manual",
    });
    expect(rerun.invoices).toHaveLength(0);
  });
});
