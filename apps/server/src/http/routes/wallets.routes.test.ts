import { auditEntries, invoices, payouts } from "@voltlane/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient, TestServer } from "../../../../../test/helpers/test-server";
import {
  aCustomer,
  aCustomerLogin,
  anotherProvider,
  aStaff,
  startAdminServer,
} from "./charging-assets.fixtures";

describe("wallets and netting over HTTP (R29, R39, R59)", () => {
  let server: TestServer;
  let admin: ApiClient;
  let providerId: string;

  beforeAll(async () => {
    ({ server, admin, providerId } = await startAdminServer());
  });
  afterAll(async () => server?.close());

  it("deposits by finance, shows the ledger to the card's user only, and refuses roaming", async () => {
    const { customer, api: driver } = await aCustomerLogin(server, providerId);
    const card = (
      await admin.post("/api/v1/charge-cards", { externalId: "W-1", rfid: "04AA01", roaming: true })
    ).body;
    expect(
      (await admin.post(`/api/v1/charge-cards/${card.id}/attach`, { customerId: customer.id })).status,
    ).toBe(200);
    expect((await driver.get(`/api/v1/charge-cards/${card.id}/wallet`)).body).toBeNull();

    const finance = await aStaff(server, providerId, ["finance"]);
    const deposit = await finance.post(`/api/v1/charge-cards/${card.id}/wallet/deposits`, {
      amount: 2500,
      reference: "BANK-77",
    });
    expect(deposit.status).toBe(201);
    expect(deposit.body).toMatchObject({
      balance: 2500,
      currency: "EUR",
      entries: [{ kind: "deposit", amount: 2500 }],
    });
    const [audit] = await server.core.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.action, "wallet.deposit"));
    expect(audit?.after).toMatchObject({ balance: 2500, reference: "BANK-77" });

    const seen = await driver.get(`/api/v1/charge-cards/${card.id}/wallet`);
    expect(seen.body).toMatchObject({ balance: 2500, entriesTotal: 1 });
    expect((await admin.get(`/api/v1/charge-cards/${card.id}`)).body.roaming).toBe(false);
    const roam = await admin.patch(`/api/v1/charge-cards/${card.id}`, { roaming: true });
    expect(roam.status).toBe(422);
    expect(roam.body.error.details).toMatchObject({ rule: "R29" });

    // The customer may not book money; operations may not even look; invalid amounts are 400.
    expect(
      (await driver.post(`/api/v1/charge-cards/${card.id}/wallet/deposits`, { amount: 100 })).status,
    ).toBe(403);
    const operations = await aStaff(server, providerId, ["operations"]);
    expect((await operations.get(`/api/v1/charge-cards/${card.id}/wallet`)).status).toBe(403);
    const bad = await finance.post(`/api/v1/charge-cards/${card.id}/wallet/deposits`, { amount: 12.5 });
    expect(bad.status).toBe(400);
    // Another customer and another provider's staff do not see the card (R4).
    const { api: stranger } = await aCustomerLogin(server, providerId);
    expect((await stranger.get(`/api/v1/charge-cards/${card.id}/wallet`)).status).toBe(404);
    const foreign = await aStaff(server, await anotherProvider(server), ["admin"]);
    expect(
      (await foreign.post(`/api/v1/charge-cards/${card.id}/wallet/deposits`, { amount: 100 })).status,
    ).toBe(404);
  });

  it("nets an open debit against an unpaid credit of the same customer", async () => {
    const host = await aCustomer(server, providerId, {
      type: "company",
      name: "Host",
      iban: "NL02RABO0123456789",
    });
    const other = await aCustomer(server, providerId, { name: "Other" });
    const invoice = async (customerId: string, direction: "debit" | "credit", total: number, n: string) => {
      const [row] = await server.core.db
        .insert(invoices)
        .values({
          providerId,
          customerId,
          kind: direction === "debit" ? "cost" : "self-bill",
          series: "03",
          number: `03-T-${n}`,
          period: `2026-0${n.slice(-1)}`,
          status: "issued",
          direction,
          currency: "EUR",
          total,
          dueDate: "2026-12-01",
          settlement: direction === "debit" ? "open" : "payout_pending",
        })
        .returning();
      if (direction === "credit") {
        await server.core.db.insert(payouts).values({
          providerId,
          customerId,
          invoiceId: row!.id,
          amount: total,
          status: "pending",
          dueDate: "2026-12-01",
        });
      }
      return row!;
    };
    const debit = await invoice(host.id, "debit", 1000, "000001");
    const credit = await invoice(host.id, "credit", 400, "000002");
    const foreignDebit = await invoice(other.id, "debit", 300, "000003");
    const finance = await aStaff(server, providerId, ["finance"]);

    const candidates = await finance.get("/api/v1/payments/netting/candidates");
    expect(candidates.body).toEqual([
      expect.objectContaining({
        customerId: host.id,
        debits: [expect.objectContaining({ id: debit.id, open: 1000 })],
        credits: [expect.objectContaining({ id: credit.id, open: 400 })],
      }),
    ]);
    const mismatch = await finance.post("/api/v1/payments/netting", {
      debitInvoiceId: foreignDebit.id,
      creditInvoiceId: credit.id,
    });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.error.details).toMatchObject({ rule: "R59" });
    const support = await aStaff(server, providerId, ["support"]);
    expect(
      (
        await support.post("/api/v1/payments/netting", {
          debitInvoiceId: debit.id,
          creditInvoiceId: credit.id,
        })
      ).status,
    ).toBe(403);

    const netted = await finance.post("/api/v1/payments/netting", {
      debitInvoiceId: debit.id,
      creditInvoiceId: credit.id,
    });
    expect(netted.status).toBe(201);
    expect(netted.body).toMatchObject({
      amount: 400,
      debitSettlement: "partially_paid",
      creditSettlement: "netted",
    });
    const payments = await finance.get(`/api/v1/payments?invoiceId=${debit.id}`);
    expect(payments.body.items).toEqual([expect.objectContaining({ method: "netting", amount: 400 })]);
  });
});
