import { attachments, auditEntries, chargePoints, transactions } from "@voltlane/db";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient, TestServer } from "../../../../../test/helpers/test-server";
import {
  aCustomer,
  aCustomerLogin,
  anotherProvider,
  aStaff,
  startAdminServer,
} from "./charging-assets.fixtures";

describe("charge points, locations and groups over HTTP", () => {
  let server: TestServer;
  let admin: ApiClient;
  let providerId: string;
  let groupId: string;
  let locationId: string;

  beforeAll(async () => {
    ({ server, admin, providerId } = await startAdminServer());
    const tariff = await admin.post("/api/v1/tariffs", {
      name: "Standard",
      energyPrice: "0.35",
      vatRate: "21",
    });
    const group = await admin.post("/api/v1/charge-groups", {
      code: "PUB",
      name: "Public",
      tariffId: tariff.body.id,
      access: "provider",
    });
    const location = await admin.post("/api/v1/locations", {
      name: "Main street",
      lat: "52.370216",
      lng: "4.895168",
      publish: true,
    });
    groupId = group.body.id;
    locationId = location.body.id;
  });
  afterAll(async () => server?.close());

  it("registers with connectors, never returns the password and refuses duplicates and bad ids (R15)", async () => {
    const created = await admin.post("/api/v1/charge-points", {
      id: "CP-REG-1",
      name: "Front door",
      password: "ocpp-secret-1",
      connectors: [
        { connectorId: 1, standard: "type2", powerType: "ac3", maxPowerW: 11000, evseId: "NL*VLT*E1*1" },
      ],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: "CP-REG-1",
      activation: "inactive",
      active: false,
      hasPassword: true,
      connectors: [{ connectorId: 1, evseId: "NL*VLT*E1*1", status: "Unavailable" }],
    });
    expect(JSON.stringify(created.body)).not.toMatch(/password"|argon2/);
    const [row] = await server.core.db.select().from(chargePoints).where(eq(chargePoints.id, "CP-REG-1"));
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await admin.post("/api/v1/charge-points", { id: "CP-REG-1" })).status).toBe(409);
    const sameEvse = await admin.post("/api/v1/charge-points", {
      id: "CP-REG-2",
      connectors: [
        { connectorId: 1, standard: "type2", powerType: "ac1", maxPowerW: 7400, evseId: "NL*VLT*E1*1" },
      ],
    });
    expect(sameEvse.status).toBe(409);
    expect((await admin.get("/api/v1/charge-points/CP-REG-2")).status).toBe(404);
    expect((await admin.post("/api/v1/charge-points", { id: "bad id!" })).status).toBe(400);
    expect((await admin.post("/api/v1/charge-points", { id: "x".repeat(49) })).status).toBe(400);
  });

  it("activates only with group, owner and location (R16), attaching the owner as cp_receiver", async () => {
    const owner = await aCustomer(server, providerId);
    await admin.post("/api/v1/charge-points", { id: "CP-ACT" });
    const refused = await admin.post("/api/v1/charge-points/CP-ACT/activate");
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({
      code: "business_rule",
      details: { rule: "R16", missing: ["chargeGroupId", "ownerCustomerId", "locationId"] },
    });
    const patched = await admin.patch("/api/v1/charge-points/CP-ACT", {
      chargeGroupId: groupId,
      ownerCustomerId: owner.id,
      locationId,
    });
    expect(patched.status).toBe(200);
    const links = await server.core.db
      .select()
      .from(attachments)
      .where(and(eq(attachments.assetId, "CP-ACT"), isNull(attachments.validTo)));
    expect(links).toMatchObject([{ customerId: owner.id, role: "cp_receiver", assetType: "charge_point" }]);
    const activated = await admin.post("/api/v1/charge-points/CP-ACT/activate");
    expect(activated.body).toMatchObject({ activation: "active", active: true });
    expect((await admin.patch("/api/v1/charge-points/CP-ACT", { chargeGroupId: null })).status).toBe(422);
    const audit = await server.core.db.select().from(auditEntries).where(eq(auditEntries.entityId, "CP-ACT"));
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["charge_point.register", "charge_point.update", "charge_point.activate"]),
    );
  });

  it("retires instead of deleting a charger with transactions (R19)", async () => {
    await admin.post("/api/v1/charge-points", { id: "CP-OLD" });
    await admin.post("/api/v1/charge-points", { id: "CP-NEW" });
    await server.core.db.insert(transactions).values({
      providerId,
      ocppTransactionId: 990001,
      chargePointId: "CP-OLD",
      connectorId: 1,
      idTag: "AA",
      startedAt: new Date(),
      meterStartWh: 0,
    });
    const refused = await admin.delete("/api/v1/charge-points/CP-OLD");
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.rule).toBe("R19");
    expect((await admin.post("/api/v1/charge-points/CP-OLD/retire")).body.activation).toBe("retired");
    expect((await admin.post("/api/v1/charge-points/CP-OLD/activate")).status).toBe(422);
    expect((await admin.delete("/api/v1/charge-points/CP-NEW")).status).toBe(204);
  });

  it("lists with filters and pagination", async () => {
    await admin.post("/api/v1/charge-points", { id: "LIST-A", chargeGroupId: groupId });
    await admin.post("/api/v1/charge-points", { id: "LIST-B", chargeGroupId: groupId });
    await admin.post("/api/v1/charge-points", { id: "LIST-C" });
    const page = await admin.get(`/api/v1/charge-points?chargeGroupId=${groupId}&q=LIST&pageSize=1`);
    expect(page.body).toMatchObject({ total: 2, page: 1, pageSize: 1, items: [{ id: "LIST-A" }] });
    const retired = await admin.get("/api/v1/charge-points?status=retired");
    expect(retired.body.items.map((i: { id: string }) => i.id)).toEqual(["CP-OLD"]);
    expect((await admin.get("/api/v1/charge-points?online=true")).body.total).toBe(0);
  });

  it("shows customers their own chargers only; company admins edit settings, not routing; other providers see 404", async () => {
    const { customer: company, api: companyAdmin } = await aCustomerLogin(server, providerId, {
      type: "company",
      name: "ACME",
    });
    const { api: employee, customer: emp } = await aCustomerLogin(server, providerId, {
      type: "employee",
      companyId: company.id,
    });
    const { api: stranger } = await aCustomerLogin(server, providerId);
    await admin.post("/api/v1/charge-points", { id: "CP-ACME", ownerCustomerId: company.id });
    await admin.post("/api/v1/charge-points", { id: "CP-HOME", ownerCustomerId: emp.id });
    const ids = async (api: ApiClient) =>
      (await api.get("/api/v1/charge-points")).body.items.map((i: { id: string }) => i.id).sort();
    expect(await ids(companyAdmin)).toEqual(["CP-ACME", "CP-HOME"]);
    expect(await ids(employee)).toEqual(["CP-HOME"]);
    expect(await ids(stranger)).toEqual([]);
    expect((await stranger.get("/api/v1/charge-points/CP-ACME")).status).toBe(404);
    expect((await companyAdmin.patch("/api/v1/charge-points/CP-ACME", { name: "Gate" })).body.name).toBe(
      "Gate",
    );
    expect(
      (await companyAdmin.patch("/api/v1/charge-points/CP-ACME", { chargeGroupId: groupId })).status,
    ).toBe(403);
    expect((await employee.patch("/api/v1/charge-points/CP-HOME", { name: "Mine" })).status).toBe(403);
    expect((await companyAdmin.post("/api/v1/charge-points", { id: "CP-X" })).status).toBe(403);
    const other = await aStaff(server, await anotherProvider(server), ["admin"]);
    expect((await other.get("/api/v1/charge-points/CP-ACME")).status).toBe(404);
    expect((await other.patch("/api/v1/charge-points/CP-ACME", { name: "x" })).status).toBe(404);
    expect((await other.get("/api/v1/charge-points")).body.total).toBe(0);
    expect((await other.patch("/api/v1/charge-points/CP-ACT", { chargeGroupId: groupId })).status).toBe(404);
    const viewer = await aStaff(server, providerId, ["viewer"]);
    expect((await viewer.get("/api/v1/charge-points/CP-ACME")).status).toBe(200);
    expect((await viewer.post("/api/v1/charge-points/CP-ACME/activate")).status).toBe(403);
  });

  it("unpublishes the location of a charger that joins a home group, and refuses to publish it (R20)", async () => {
    const loc = await admin.post("/api/v1/locations", { name: "Driveway", publish: true });
    const home = await admin.post("/api/v1/charge-groups", { code: "HOME-1", name: "Home", type: "home" });
    await admin.post("/api/v1/charge-points", {
      id: "CP-DRIVE",
      locationId: loc.body.id,
      chargeGroupId: home.body.id,
    });
    expect((await admin.get(`/api/v1/locations/${loc.body.id}`)).body.publish).toBe(false);
    const refused = await admin.patch(`/api/v1/locations/${loc.body.id}`, { publish: true });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.rule).toBe("R20");
    expect((await admin.get(`/api/v1/locations/${locationId}`)).body).toMatchObject({
      publish: true,
      lat: "52.370216",
    });
  });
});
