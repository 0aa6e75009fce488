import { auditEntries } from "@voltlane/db";
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

describe("tariffs and charge groups over HTTP", () => {
  let server: TestServer;
  let admin: ApiClient;
  let providerId: string;

  beforeAll(async () => {
    ({ server, admin, providerId } = await startAdminServer());
  });
  afterAll(async () => server?.close());

  it("creates tariffs with exact decimal strings and bumps the version on each edit", async () => {
    const created = await admin.post("/api/v1/tariffs", {
      name: "Day",
      energyPrice: "0.35",
      startFee: "1",
      vatRate: "21",
      idleFee: "0.1",
      idleGraceMinutes: 30,
      idleFeeCap: 1500,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "Day",
      currency: "EUR",
      startFee: "1.0000",
      energyPrice: "0.3500",
      timePrice: "0.0000",
      idleFee: "0.1000",
      vatRate: "21.00",
      idleFeeCap: 1500,
      marginPerKwh: "0.0000",
      version: 1,
    });
    const edited = await admin.patch(`/api/v1/tariffs/${created.body.id}`, { energyPrice: "0.39" });
    expect(edited.body).toMatchObject({ energyPrice: "0.3900", version: 2 });
    expect(
      (await admin.post("/api/v1/tariffs", { name: "Day", energyPrice: "0.1", vatRate: "21" })).status,
    ).toBe(409);
    expect(
      (await admin.post("/api/v1/tariffs", { name: "Float", energyPrice: 0.35, vatRate: "21" })).status,
    ).toBe(400);
    expect(
      (await admin.post("/api/v1/tariffs", { name: "Five", energyPrice: "0.12345", vatRate: "21" })).status,
    ).toBe(400);
    const audit = await server.core.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.entityId, created.body.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["tariff.create", "tariff.update"]);
  });

  it("lets finance manage tariffs; operations only read them; customers not at all", async () => {
    const finance = await aStaff(server, providerId, ["finance"]);
    const operations = await aStaff(server, providerId, ["operations"]);
    const { api: customer } = await aCustomerLogin(server, providerId);
    const t = await finance.post("/api/v1/tariffs", { name: "Finance", energyPrice: "0.30", vatRate: "21" });
    expect(t.status).toBe(201);
    expect((await operations.get(`/api/v1/tariffs/${t.body.id}`)).status).toBe(200);
    expect((await operations.patch(`/api/v1/tariffs/${t.body.id}`, { name: "x" })).status).toBe(403);
    expect((await customer.get("/api/v1/tariffs")).status).toBe(403);
    const other = await aStaff(server, await anotherProvider(server), ["admin"]);
    expect((await other.get(`/api/v1/tariffs/${t.body.id}`)).status).toBe(404);
  });

  it("allows sub-cent energy prices only in home groups with access attached (R23)", async () => {
    const homeRate = await admin.post("/api/v1/tariffs", {
      name: "Home rate",
      energyPrice: "0.2345",
      vatRate: "21",
    });
    const plain = await admin.post("/api/v1/tariffs", { name: "Plain", energyPrice: "0.25", vatRate: "21" });
    const refused = await admin.post("/api/v1/charge-groups", {
      code: "PUB-23",
      name: "Public",
      type: "other",
      access: "provider",
      tariffId: homeRate.body.id,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.rule).toBe("R23");
    const home = await admin.post("/api/v1/charge-groups", {
      code: "HOME-23",
      name: "Home",
      type: "home",
      access: "attached",
      tariffId: homeRate.body.id,
    });
    expect(home.status).toBe(201);
    expect((await admin.patch(`/api/v1/charge-groups/${home.body.id}`, { access: "provider" })).status).toBe(
      422,
    );
    const pub = await admin.post("/api/v1/charge-groups", {
      code: "PUB-24",
      name: "Public",
      tariffId: plain.body.id,
      access: "provider",
    });
    expect((await admin.patch(`/api/v1/tariffs/${plain.body.id}`, { energyPrice: "0.2501" })).status).toBe(
      422,
    );
    const customer = await aCustomer(server, providerId);
    expect(
      (
        await admin.put(`/api/v1/charge-groups/${pub.body.id}/exceptions/${customer.id}`, {
          tariffId: homeRate.body.id,
        })
      ).status,
    ).toBe(422);
    expect((await admin.post("/api/v1/charge-groups", { code: "PUB-24", name: "Dup" })).status).toBe(409);
  });

  it("manages members (group_member attachments) and one tariff exception per customer (R21, R22)", async () => {
    const t1 = await admin.post("/api/v1/tariffs", { name: "G1", energyPrice: "0.30", vatRate: "21" });
    const t2 = await admin.post("/api/v1/tariffs", { name: "G2", energyPrice: "0.20", vatRate: "21" });
    const group = await admin.post("/api/v1/charge-groups", {
      code: "MEM",
      name: "Members",
      tariffId: t1.body.id,
    });
    expect(group.body).toMatchObject({ type: "other", access: "attached", tariffId: t1.body.id });
    const customer = await aCustomer(server, providerId);
    const added = await admin.post(`/api/v1/charge-groups/${group.body.id}/members`, {
      customerId: customer.id,
    });
    expect(added.status).toBe(201);
    expect(added.body.members).toMatchObject([{ customerId: customer.id }]);
    expect(
      (await admin.post(`/api/v1/charge-groups/${group.body.id}/members`, { customerId: customer.id }))
        .status,
    ).toBe(409);
    await admin.put(`/api/v1/charge-groups/${group.body.id}/exceptions/${customer.id}`, {
      tariffId: t1.body.id,
    });
    const replaced = await admin.put(`/api/v1/charge-groups/${group.body.id}/exceptions/${customer.id}`, {
      tariffId: t2.body.id,
    });
    expect(replaced.body.exceptions).toEqual([{ customerId: customer.id, tariffId: t2.body.id }]);
    expect((await admin.delete(`/api/v1/charge-groups/${group.body.id}/members/${customer.id}`)).status).toBe(
      204,
    );
    expect((await admin.get(`/api/v1/charge-groups/${group.body.id}`)).body.members).toEqual([]);
    const otherCustomer = await aCustomer(server, await anotherProvider(server));
    expect(
      (await admin.post(`/api/v1/charge-groups/${group.body.id}/members`, { customerId: otherCustomer.id }))
        .status,
    ).toBe(404);
    const viewer = await aStaff(server, providerId, ["viewer"]);
    expect((await viewer.get("/api/v1/charge-groups?q=MEM")).body.total).toBe(1);
    expect(
      (await viewer.post(`/api/v1/charge-groups/${group.body.id}/members`, { customerId: customer.id }))
        .status,
    ).toBe(403);
  });
});
