import type { SimulatedChargePoint } from "@voltlane/charge-point-simulator";
import { transactions } from "@voltlane/db";
import { eq } from "drizzle-orm";
import { RPCClient } from "ocpp-rpc";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient, TestServer } from "../helpers/test-server";
import { startTestServer } from "../helpers/test-server";
import { aChargePoint, aChargingSite, ocppUrl, simulator, uid } from "./ocpp-fixtures";

type Site = Awaited<ReturnType<typeof aChargingSite>>;
type RawClient = {
  connect: () => Promise<unknown>;
  handle: (m: string, h: (call: { params: Record<string, unknown> }) => Promise<unknown>) => void;
  call: (m: string, p: unknown) => Promise<unknown>;
  close: (o?: unknown) => Promise<unknown>;
};

describe("remote commands: who may send what, and TC_011 remote start without a session", () => {
  let server: TestServer;
  let admin: ApiClient;
  let site: Site;
  let cp: SimulatedChargePoint;
  let owner: ApiClient;
  let employee: ApiClient;
  let viewer: ApiClient;
  let ownChargePoint: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login(server.admin.email, server.admin.password);
    site = await aChargingSite(server);
    cp = simulator(server, site.chargePointId, { password: site.password });
    await cp.start();
    const tag = uid().toLowerCase();
    const company = await admin.post("/api/v1/customers", {
      type: "company",
      name: "Owner BV",
      email: `owner-${tag}@x.test`,
      address: { country: "NL" },
      admin: { email: `boss-${tag}@x.test`, name: "Boss", password: "boss-password-1" },
    });
    await admin.post("/api/v1/customers", {
      type: "employee",
      companyId: company.body.id,
      name: "Eve",
      email: `eve-${tag}@x.test`,
      webAccess: true,
      password: "eve-password-12",
    });
    owner = await server.login(`boss-${tag}@x.test`, "boss-password-1");
    employee = await server.login(`eve-${tag}@x.test`, "eve-password-12");
    await admin.post("/api/v1/system-users", {
      email: `viewer-${tag}@x.test`,
      name: "Viewer",
      roles: ["viewer"],
      password: "viewer-password-1",
    });
    viewer = await server.login(`viewer-${tag}@x.test`, "viewer-password-1");
    ownChargePoint = await aChargePoint(server.core.db, site.providerId, {
      ownerCustomerId: company.body.id,
    });
  });
  afterAll(async () => {
    await cp?.close();
    await server?.close();
  });

  const send = (api: ApiClient, chargePointId: string, type: string, params: Record<string, unknown> = {}) =>
    api.post(`/api/v1/charge-points/${chargePointId}/commands`, { type, params });

  it("refuses viewers (403), customers on charge points they do not own (404) and employees (403/404)", async () => {
    expect((await send(viewer, site.chargePointId, "ClearCache")).status).toBe(403);
    expect((await send(owner, site.chargePointId, "Reset", { type: "Soft" })).status).toBe(404);
    const byEmployee = await send(employee, ownChargePoint, "Reset", { type: "Soft" });
    expect([403, 404]).toContain(byEmployee.status);
    expect(cp.received.filter((c) => c.action === "ClearCache" || c.action === "Reset")).toHaveLength(0);
  });

  it("lets a company admin send settings commands to its own charge point, but not operations commands", async () => {
    // The owner's charge point is not connected: passing the permission check yields 409, not 403.
    const settings = await send(owner, ownChargePoint, "ChangeConfiguration", {
      key: "HeartbeatInterval",
      value: "60",
    });
    expect(settings.status).toBe(409);
    expect(settings.body.error.code).toBe("charge_point_offline");
    const firmware = await send(owner, ownChargePoint, "UpdateFirmware", {
      location: "https://example.invalid/fw.bin",
      retrieveDate: new Date().toISOString(),
    });
    expect(firmware.status).toBe(403);
    expect(
      (await send(owner, ownChargePoint, "SendLocalList", { listVersion: 1, updateType: "Full" })).status,
    ).toBe(403);
  });

  it("TC_011 remote start timeout: the charge point accepts but never starts; no transaction appears", async () => {
    const quiet = await aChargingSite(server);
    const client = new RPCClient({
      endpoint: ocppUrl(server),
      identity: quiet.chargePointId,
      password: quiet.password,
      protocols: ["ocpp1.6"],
      reconnect: false,
    } as never) as unknown as RawClient;
    const asked: Record<string, unknown>[] = [];
    client.handle("RemoteStartTransaction", async ({ params }) => {
      asked.push(params);
      return { status: "Accepted" };
    });
    await client.connect();
    try {
      await client.call("BootNotification", { chargePointVendor: "Quiet", chargePointModel: "Q1" });
      const res = await send(admin, quiet.chargePointId, "RemoteStartTransaction", {
        connectorId: 1,
        idTag: quiet.card.rfid,
      });
      expect(res.body).toEqual({ result: { status: "Accepted" } });
      expect(asked).toEqual([expect.objectContaining({ idTag: quiet.card.rfid })]);
      // The driver never plugs in: the charge point sends no StartTransaction, and nothing is recorded.
      await new Promise((r) => setTimeout(r, 1_000));
      const rows = await server.core.db
        .select()
        .from(transactions)
        .where(eq(transactions.chargePointId, quiet.chargePointId));
      expect(rows).toEqual([]);
    } finally {
      await client.close({ force: true });
    }
  });
});
