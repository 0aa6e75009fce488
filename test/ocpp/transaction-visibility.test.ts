import { transactions } from "@voltlane/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient, TestServer } from "../helpers/test-server";
import { startTestServer } from "../helpers/test-server";
import { aChargePoint, operatorProviderId, uid } from "./ocpp-fixtures";

describe("transactions visibility (R4, R64) and the billable override's permissions (R37)", () => {
  let server: TestServer;
  let admin: ApiClient;
  const ids: Record<string, string> = {};
  let companyAdmin: ApiClient;
  let employee: ApiClient;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login(server.admin.email, server.admin.password);
    const tag = uid().toLowerCase();
    const company = await admin.post("/api/v1/customers", {
      type: "company",
      name: "Acme",
      email: `acme-${tag}@x.test`,
      address: { country: "NL" },
      admin: { email: `boss-${tag}@x.test`, name: "Boss", password: "boss-password-1" },
    });
    expect(company.status).toBe(201);
    const staff = await admin.post("/api/v1/customers", {
      type: "employee",
      companyId: company.body.id,
      name: "Eve",
      email: `eve-${tag}@x.test`,
      webAccess: true,
      password: "eve-password-12",
    });
    expect(staff.status).toBe(201);
    const stranger = await admin.post("/api/v1/customers", {
      type: "private",
      name: "Stranger",
      email: `s-${tag}@x.test`,
      address: {},
    });
    const [c, e, s] = [company.body.id, staff.body.id, stranger.body.id];
    const providerId = await operatorProviderId(server.core.db);
    const chargePointId = await aChargePoint(server.core.db, providerId);
    const rows = {
      companyPaid: { user: e, payer: c, receiver: s },
      selfPaid: { user: e, payer: e, receiver: s },
      companyReceives: { user: s, payer: s, receiver: c },
      unrelated: { user: s, payer: s, receiver: s },
    };
    let n = 1;
    for (const [key, parties] of Object.entries(rows)) {
      const [row] = await server.core.db
        .insert(transactions)
        .values({
          providerId,
          ocppTransactionId: 900_000 + n,
          chargePointId,
          connectorId: 1,
          idTag: `TAG${n++}`,
          startedAt: new Date("2026-05-01T10:00:00Z"),
          stoppedAt: new Date("2026-05-01T11:00:00Z"),
          meterStartWh: 0,
          meterStopWh: 1000,
          energyWh: 1000,
          status: "completed",
          billable: true,
          userCustomerId: parties.user,
          payerCustomerId: parties.payer,
          receiverCustomerId: parties.receiver,
        })
        .returning();
      ids[key] = row!.id;
    }
    companyAdmin = await server.login(`boss-${tag}@x.test`, "boss-password-1");
    employee = await server.login(`eve-${tag}@x.test`, "eve-password-12");
  });
  afterAll(async () => {
    await server?.close();
  });

  const listed = async (client: ApiClient) =>
    ((await client.get("/api/v1/transactions")).body.items as { id: string }[]).map((t) => t.id).sort();

  it("a company admin sees sessions the company pays or receives, never an employee's self-paid ones", async () => {
    expect(await listed(companyAdmin)).toEqual([ids.companyPaid, ids.companyReceives].sort());
    expect((await companyAdmin.get(`/api/v1/transactions/${ids.selfPaid}`)).status).toBe(404);
  });

  it("an employee sees the sessions of their own cards, whoever pays", async () => {
    expect(await listed(employee)).toEqual([ids.companyPaid, ids.selfPaid].sort());
    expect((await employee.get(`/api/v1/transactions/${ids.unrelated}`)).status).toBe(404);
  });

  it("system users see all of their provider's sessions; customers cannot override billable", async () => {
    expect((await admin.get("/api/v1/transactions")).body.total).toBe(4);
    const denied = await companyAdmin.post(`/api/v1/transactions/${ids.companyPaid}/billable`, {
      billable: false,
      reason: "no",
    });
    expect(denied.status).toBe(403);
  });
});
