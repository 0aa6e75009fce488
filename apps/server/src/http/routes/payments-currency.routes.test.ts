import { customers, invoices, payments, payouts, providers } from "@voltlane/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../../../test/helpers/test-server";
import { aCustomerLogin, anotherProvider, aStaff, defaultProviderId } from "./charging-assets.fixtures";

// API.md `payments` / payouts: amounts are minor units, so each row says in which currency (§3: the
// provider's one currency). The web formats with it instead of assuming EUR.
describe("payments and payouts carry their currency", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.close());

  async function providerWithMoney(currency: string) {
    const providerId = await anotherProvider(server);
    await server.core.db.update(providers).set({ currency }).where(eq(providers.id, providerId));
    const [customer] = await server.core.db
      .insert(customers)
      .values({ providerId, customerNumber: `P-${currency}`, type: "private", name: "Payer" })
      .returning();
    const [invoice] = await server.core.db
      .insert(invoices)
      .values({
        providerId,
        customerId: customer!.id,
        kind: "cost",
        series: "03",
        period: "2026-10",
        direction: "debit",
        currency,
        total: 1_250,
      })
      .returning();
    await server.core.db.insert(payments).values({
      providerId,
      customerId: customer!.id,
      invoiceId: invoice!.id,
      amount: 1_250,
      method: "manual",
    });
    await server.core.db.insert(payouts).values({
      providerId,
      customerId: customer!.id,
      invoiceId: invoice!.id,
      amount: 700,
      status: "on_hold",
      dueDate: "2026-12-01",
    });
    return providerId;
  }

  it("lists payments and payouts with the provider's currency, and only the provider's own (R4)", async () => {
    const gbp = await providerWithMoney("GBP");
    const sek = await providerWithMoney("SEK");
    const finance = await aStaff(server, gbp, ["finance"]);
    const paid = await finance.get("/api/v1/payments");
    expect(paid.status).toBe(200);
    expect(paid.body.items).toEqual([expect.objectContaining({ amount: 1_250, currency: "GBP" })]);
    const out = await finance.get("/api/v1/payouts");
    expect(out.body.items).toEqual([expect.objectContaining({ amount: 700, currency: "GBP" })]);
    const swedish = await aStaff(server, sek, ["finance"]);
    expect(
      (await swedish.get("/api/v1/payments")).body.items.map((p: { currency: string }) => p.currency),
    ).toEqual(["SEK"]);
  });

  it("is not for customers", async () => {
    const { api } = await aCustomerLogin(server, await defaultProviderId(server));
    expect((await api.get("/api/v1/payments")).status).toBe(403);
    expect((await api.get("/api/v1/payouts")).status).toBe(403);
  });
});
