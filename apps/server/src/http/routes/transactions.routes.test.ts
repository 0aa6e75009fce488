import { randomBytes } from "node:crypto";
import { hashPassword } from "@voltlane/core";
import { customers, loginUsers, providers, transactions } from "@voltlane/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, startTestServer, type TestServer } from "../../../../../test/helpers/test-server";

const password = "transactions-password-1";
const tag = () => randomBytes(4).toString("hex");

describe("GET /transactions (list and CSV export)", () => {
  let server: TestServer;
  let admin: ApiClient;
  let driver: ApiClient;
  const ids = { driver: "", other: "" };

  beforeAll(async () => {
    server = await startTestServer();
    const { db } = server.core;
    const [provider] = await db.select().from(providers).where(eq(providers.isPlatformOperator, true));
    const providerId = provider!.id;
    const aCustomer = async () =>
      (
        await db
          .insert(customers)
          .values({ providerId, customerNumber: tag(), type: "private", name: "Driver" })
          .returning()
      )[0]!.id;
    ids.driver = await aCustomer();
    ids.other = await aCustomer();
    const start = Date.parse("2026-10-01T00:00:00Z");
    await db.insert(transactions).values(
      Array.from({ length: 130 }, (_, i) => {
        const who = i % 10 === 0 ? ids.driver : ids.other;
        return {
          providerId,
          ocppTransactionId: i + 1,
          chargePointId: "TR-CP-1",
          connectorId: 1,
          idTag: `TR${i}`,
          startedAt: new Date(start + i * 60_000),
          meterStartWh: 0,
          energyWh: 100 + i,
          costNet: 25 + i,
          currency: "EUR",
          status: "completed",
          userCustomerId: who,
          payerCustomerId: who,
        };
      }),
    );
    const email = `tr-${tag()}@x.test`;
    await db.insert(loginUsers).values({
      providerId,
      customerId: ids.driver,
      email,
      name: "Driver",
      role: "private_user",
      passwordHash: await hashPassword(password),
    });
    admin = await server.login(server.admin.email, server.admin.password);
    driver = await server.login(email, password);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it("pages newest first with {items, total, page, pageSize} and says whether total is exact", async () => {
    const res = await admin.get("/api/v1/transactions?pageSize=50&page=2");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 130, totalExact: true, page: 2, pageSize: 50 });
    expect(res.body.items).toHaveLength(50);
    expect(res.body.items[0].ocppTransactionId).toBe(80);
  });

  it("streams the CSV of all matching rows, a customer's own only", async () => {
    const res = await admin.raw(
      "/api/v1/transactions?format=csv&from=2026-10-01T00:00:00Z&to=2026-10-02T00:00:00Z",
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const lines = (await res.text()).split("\r\n");
    expect(lines[0]).toMatch(/^id,chargePointId,/);
    expect(lines).toHaveLength(130 + 2);
    const own = await driver.raw("/api/v1/transactions?format=csv");
    const rows = (await own.text()).split("\r\n").slice(1, -1);
    expect(rows).toHaveLength(13);
    expect(rows.every((r) => r.includes(ids.driver) && !r.includes(ids.other))).toBe(true);
  });

  it("answers a bad filter with 400 validation_failed", async () => {
    const res = await admin.get("/api/v1/transactions?pageSize=0");
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    expect((await admin.get("/api/v1/transactions?format=pdf")).status).toBe(400);
  });
});
