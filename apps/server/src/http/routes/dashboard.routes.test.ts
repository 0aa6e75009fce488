import { randomBytes, randomUUID } from "node:crypto";
import { fixedClock, hashPassword } from "@voltlane/core";
import { chargePoints, connectors, customers, loginUsers, providers, transactions } from "@voltlane/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, startTestServer, type TestServer } from "../../../../../test/helpers/test-server";

const password = "dashboard-password-1";
const tag = () => randomBytes(4).toString("hex");

describe("GET /dashboard", () => {
  let server: TestServer;
  let providerId: string;
  let ocppId = 1;
  const ids = { company: "", employee: "", privateUser: "", stranger: "" };
  let admin: ApiClient;
  let companyAdmin: ApiClient;
  let employee: ApiClient;
  let privateUser: ApiClient;

  async function aCustomer(values: Partial<typeof customers.$inferInsert>) {
    const [row] = await server.core.db
      .insert(customers)
      .values({ providerId, customerNumber: tag(), type: "private", name: "Customer", ...values })
      .returning();
    return row!.id;
  }

  async function loginAs(customerId: string, role: string): Promise<ApiClient> {
    const email = `d-${tag()}@x.test`;
    const passwordHash = await hashPassword(password);
    await server.core.db
      .insert(loginUsers)
      .values({ providerId, customerId, email, name: "Login", role, passwordHash });
    return server.login(email, password);
  }

  async function aSession(values: Partial<typeof transactions.$inferInsert> & { startedAt: Date }) {
    const n = ocppId++;
    await server.core.db.insert(transactions).values({
      providerId,
      ocppTransactionId: n,
      chargePointId: "DASH-CP-1",
      connectorId: 1,
      idTag: `TAG${n}`,
      meterStartWh: 0,
      status: "completed",
      currency: "EUR",
      ...values,
    });
  }

  beforeAll(async () => {
    // Provider time zone Europe/Amsterdam (the default): periods are local dates.
    server = await startTestServer({ clock: fixedClock("2026-11-20T12:00:00Z") });
    const [provider] = await server.core.db
      .select()
      .from(providers)
      .where(eq(providers.isPlatformOperator, true));
    providerId = provider!.id;
    ids.company = await aCustomer({ type: "company", name: "Acme" });
    ids.employee = await aCustomer({ type: "employee", name: "Eve", companyId: ids.company });
    ids.privateUser = await aCustomer({ name: "Pat" });
    ids.stranger = await aCustomer({ name: "Other" });
    await server.core.db.insert(chargePoints).values([
      { id: "DASH-CP-1", providerId, name: "Acme yard", ownerCustomerId: ids.company, online: true },
      { id: "DASH-CP-2", providerId, name: "Old", ownerCustomerId: ids.company, activation: "retired" },
    ]);
    await server.core.db.insert(connectors).values([
      { chargePointId: "DASH-CP-1", connectorId: 0, providerId, status: "Available" },
      { chargePointId: "DASH-CP-1", connectorId: 1, providerId, status: "Charging" },
      { chargePointId: "DASH-CP-1", connectorId: 2, providerId, status: "Available" },
    ]);
    const elsewhere = { chargePointId: "ELSEWHERE", receiverCustomerId: ids.stranger };
    // 23:30 UTC on 9 Nov is 00:30 on 10 Nov in Amsterdam.
    await aSession({
      ...elsewhere,
      startedAt: new Date("2026-11-09T23:30:00Z"),
      userCustomerId: ids.employee,
      payerCustomerId: ids.company,
      energyWh: 10_000,
      costNet: 300,
    });
    // The employee's self-paid session: never the company's (R64).
    await aSession({
      ...elsewhere,
      startedAt: new Date("2026-11-10T10:00:00Z"),
      userCustomerId: ids.employee,
      payerCustomerId: ids.employee,
      energyWh: 5_000,
      costNet: 150,
    });
    // A private user charges at the company's charger: revenue = net − margin (R41).
    await aSession({
      startedAt: new Date("2026-11-12T08:00:00Z"),
      userCustomerId: ids.privateUser,
      payerCustomerId: ids.privateUser,
      receiverCustomerId: ids.company,
      energyWh: 20_000,
      costNet: 600,
      margin: 100,
    });
    // Invalid sessions (R37) count nowhere.
    await aSession({
      startedAt: new Date("2026-11-12T09:00:00Z"),
      userCustomerId: ids.privateUser,
      payerCustomerId: ids.privateUser,
      receiverCustomerId: ids.company,
      energyWh: 99_000,
      costNet: 9_000,
      status: "invalid",
    });
    admin = await server.login(server.admin.email, server.admin.password);
    companyAdmin = await loginAs(ids.company, "company_admin");
    employee = await loginAs(ids.employee, "employee");
    privateUser = await loginAs(ids.privateUser, "private_user");
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  const window = "from=2026-11-08T23:00:00Z&to=2026-11-13T23:00:00Z";

  it("gives a company energy used and delivered per local day, totals, recent sessions and stations", async () => {
    const res = await admin.get(`/api/v1/dashboard?customerId=${ids.company}&${window}&interval=day`);
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.timeZone).toBe("Europe/Amsterdam");
    expect(d.energyUsed.map((p: { period: string }) => p.period)).toEqual([
      "2026-11-09",
      "2026-11-10",
      "2026-11-11",
      "2026-11-12",
      "2026-11-13",
    ]);
    expect(d.energyUsed.map((p: { wh: number }) => p.wh)).toEqual([0, 10_000, 0, 0, 0]);
    expect(d.energyDelivered.map((p: { wh: number }) => p.wh)).toEqual([0, 0, 0, 20_000, 0]);
    expect(d.totals).toEqual({
      usedWh: 10_000,
      deliveredWh: 20_000,
      costs: 300,
      revenue: 500,
      sessionsUsed: 1,
      sessionsDelivered: 1,
      currency: "EUR",
    });
    expect(d.recentCardTransactions).toHaveLength(1);
    expect(d.recentCardTransactions[0].payerCustomerId).toBe(ids.company);
    expect(d.recentChargePointTransactions.map((t: { energyWh: number }) => t.energyWh)).toEqual([
      99_000, 20_000,
    ]);
    expect(d.stations).toEqual([
      expect.objectContaining({
        id: "DASH-CP-1",
        name: "Acme yard",
        online: true,
        connectors: [
          { connectorId: 1, status: "Charging", statusSince: null },
          { connectorId: 2, status: "Available", statusSince: null },
        ],
      }),
    ]);
  });

  it("groups by ISO week (labelled by Monday) and by month", async () => {
    const week = await companyAdmin.get(
      "/api/v1/dashboard?from=2026-11-01T23:00:00Z&to=2026-11-15T23:00:00Z&interval=week",
    );
    expect(week.status).toBe(200);
    expect(week.body.energyUsed).toEqual([
      { period: "2026-11-02", wh: 0 },
      { period: "2026-11-09", wh: 10_000 },
    ]);
    const month = await companyAdmin.get(
      "/api/v1/dashboard?from=2026-09-30T22:00:00Z&to=2026-11-30T23:00:00Z&interval=month",
    );
    expect(month.body.energyDelivered).toEqual([
      { period: "2026-10", wh: 0 },
      { period: "2026-11", wh: 20_000 },
    ]);
  });

  it("counts an employee's card sessions but only the self-paid ones as its costs", async () => {
    const res = await employee.get(`/api/v1/dashboard?${window}`);
    expect(res.status).toBe(200);
    expect(res.body.customerId).toBe(ids.employee);
    expect(res.body.totals).toMatchObject({ usedWh: 15_000, costs: 150, sessionsUsed: 2, deliveredWh: 0 });
    expect(res.body.stations).toEqual([]);
  });

  it("defaults to the last 30 days and gives a private user its own sessions", async () => {
    const res = await privateUser.get("/api/v1/dashboard");
    expect(res.status).toBe(200);
    expect(res.body.energyUsed).toHaveLength(31);
    expect(res.body.totals).toMatchObject({ usedWh: 20_000, costs: 600, revenue: 0 });
  });

  it("hides other customers' dashboards as not found (R4) and requires a customer for system users", async () => {
    expect((await privateUser.get(`/api/v1/dashboard?customerId=${ids.company}`)).status).toBe(404);
    expect((await companyAdmin.get(`/api/v1/dashboard?customerId=${ids.employee}`)).status).toBe(404);
    expect((await admin.get(`/api/v1/dashboard?customerId=${randomUUID()}`)).status).toBe(404);
    const missing = await admin.get("/api/v1/dashboard");
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe("validation_failed");
  });

  it("refuses bad windows with the error format", async () => {
    const reversed = await admin.get(
      `/api/v1/dashboard?customerId=${ids.company}&from=2026-11-10T00:00:00Z&to=2026-11-01T00:00:00Z`,
    );
    expect(reversed.status).toBe(400);
    const tooLong = await admin.get(
      `/api/v1/dashboard?customerId=${ids.company}&from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&interval=day`,
    );
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details[0].path).toBe("interval");
    expect((await admin.get(`/api/v1/dashboard?customerId=${ids.company}&interval=year`)).status).toBe(400);
  });
});
