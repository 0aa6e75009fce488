import { chargePoints, gridLoadSamples, providers } from "@voltlane/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, startTestServer, type TestServer } from "../../../../../test/helpers/test-server";

const address = { line1: "Stationsplein 1", postalCode: "1012 AB", city: "Amsterdam", country: "NL" };

describe("grids API (R24)", () => {
  let server: TestServer;
  let admin: ApiClient;
  let providerId: string;
  const create = async (body: Record<string, unknown>) => {
    const res = await admin.post("/api/v1/grids", body);
    if (res.status !== 201) throw new Error(`create grid: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  };
  const aChargePoint = async (id: string) => {
    await server.core.db.insert(chargePoints).values({ id, providerId, name: id, activation: "active" });
    return id;
  };

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login(server.admin.email, server.admin.password);
    const [p] = await server.core.db.select().from(providers).where(eq(providers.isPlatformOperator, true));
    providerId = p!.id;
  }, 60_000);
  afterAll(async () => server?.close());

  it("keeps the tree valid: a child above its parent, a lowered parent and a cycle answer 422 naming R24", async () => {
    const root = await create({ name: "Building", maxCurrent: 100 });
    const child = await create({ name: "Garage", maxCurrent: 63, parentId: root.id });
    const tooBig = await admin.post("/api/v1/grids", { name: "Too big", maxCurrent: 120, parentId: root.id });
    expect(tooBig.status).toBe(422);
    expect(tooBig.body.error).toMatchObject({ code: "business_rule", details: { rule: "R24" } });
    const lowered = await admin.patch(`/api/v1/grids/${root.id}`, { maxCurrent: 50 });
    expect(lowered.status).toBe(422);
    expect(lowered.body.error.message).toContain("R24");
    const cycle = await admin.patch(`/api/v1/grids/${root.id}`, { parentId: child.id });
    expect(cycle.status).toBe(422);
    const fine = await admin.patch(`/api/v1/grids/${child.id}`, {
      maxCurrent: 40,
      timeOfUse: [{ daysOfWeek: [1, 2, 3, 4, 5], from: "17:00", to: "21:00", maxCurrentA: 16 }],
    });
    expect(fine.status).toBe(200);
    expect(fine.body).toMatchObject({
      maxCurrent: 40,
      parentId: root.id,
      phases: 3,
      minCurrentPerVehicleA: 6,
    });
    expect(fine.body.timeOfUse).toHaveLength(1);
    const badClock = await admin.patch(`/api/v1/grids/${child.id}`, {
      timeOfUse: [{ daysOfWeek: [1], from: "25:00", to: "21:00", maxCurrentA: 16 }],
    });
    expect(badClock.status).toBe(400);
    expect((await admin.delete(`/api/v1/grids/${root.id}`)).status).toBe(422);
  });

  it("sets and clears an external limit", async () => {
    const grid = await create({ name: "Signalled", maxCurrent: 80 });
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const set = await admin.put(`/api/v1/grids/${grid.id}/external-limit`, { maxCurrentA: 25.5, expiresAt });
    expect(set.status).toBe(200);
    expect(set.body.externalLimit).toEqual({ maxCurrentA: 25.5, expiresAt });
    const past = await admin.put(`/api/v1/grids/${grid.id}/external-limit`, {
      maxCurrentA: 10,
      expiresAt: "2020-01-01T00:00:00Z",
    });
    expect(past.status).toBe(400);
    const allocation = await admin.get(`/api/v1/grids/${grid.id}/allocation`);
    expect(allocation.body).toMatchObject({ limitA: 25.5, connectors: [] });
    const cleared = await admin.delete(`/api/v1/grids/${grid.id}/external-limit`);
    expect(cleared.body.externalLimit).toBeNull();
  });

  it("a charge point is in at most one grid; leaving and deleting the grid release it", async () => {
    const a = await create({ name: "A", maxCurrent: 32 });
    const b = await create({ name: "B", maxCurrent: 32 });
    const cp = await aChargePoint("GRID-CP-1");
    const added = await admin.post(`/api/v1/grids/${a.id}/charge-points`, { chargePointId: cp });
    expect(added.body.chargePointIds).toEqual([cp]);
    const twice = await admin.post(`/api/v1/grids/${b.id}/charge-points`, { chargePointId: cp });
    expect(twice.status).toBe(409);
    expect((await admin.post(`/api/v1/grids/${b.id}/charge-points`, { chargePointId: "NOPE" })).status).toBe(
      404,
    );
    const removed = await admin.delete(`/api/v1/grids/${a.id}/charge-points/${cp}`);
    expect(removed.body.chargePointIds).toEqual([]);
    await admin.post(`/api/v1/grids/${b.id}/charge-points`, { chargePointId: cp });
    expect((await admin.delete(`/api/v1/grids/${b.id}`)).status).toBe(204);
    const [row] = await server.core.db.select().from(chargePoints).where(eq(chargePoints.id, cp));
    expect(row!.gridId).toBeNull();
    expect((await admin.get(`/api/v1/grids/${b.id}`)).status).toBe(404);
  });

  it("returns load history between from and to", async () => {
    const grid = await create({ name: "History", maxCurrent: 50 });
    const row = {
      providerId,
      gridId: grid.id,
      allocatedL1A: "30.0",
      allocatedL2A: "30.0",
      allocatedL3A: "12.5",
      limitA: "50.0",
      sessions: 3,
    };
    await server.core.db.insert(gridLoadSamples).values([
      { ...row, at: new Date("2026-03-01T10:00:00Z") },
      { ...row, at: new Date("2026-03-01T11:00:00Z"), measuredA: "41.2" },
      { ...row, at: new Date("2026-03-02T10:00:00Z") },
    ]);
    const res = await admin.get(
      `/api/v1/grids/${grid.id}/load?from=2026-03-01T00:00:00Z&to=2026-03-01T23:59:59Z`,
    );
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        at: "2026-03-01T10:00:00.000Z",
        phaseLoads: [30, 30, 12.5],
        measuredA: null,
        limitA: 50,
        sessions: 3,
      },
      {
        at: "2026-03-01T11:00:00.000Z",
        phaseLoads: [30, 30, 12.5],
        measuredA: 41.2,
        limitA: 50,
        sessions: 3,
      },
    ]);
  });

  it("customers see only grids attached to them (grid_viewer) and never write", async () => {
    const mine = await create({ name: "Home street", maxCurrent: 40 });
    const other = await create({ name: "Elsewhere", maxCurrent: 40 });
    const customer = await admin.post("/api/v1/customers", {
      type: "private",
      name: "Gina Grid",
      email: "gina@grid.test",
      address,
      password: "gina-password-1",
      termsAcceptedAt: "2026-01-02T03:04:05Z",
      termsVersion: "2026-01",
    });
    expect(customer.status).toBe(201);
    const attached = await admin.post(`/api/v1/customers/${customer.body.id}/attachments`, {
      assetType: "grid",
      assetId: mine.id,
      role: "grid_viewer",
    });
    expect(attached.status).toBe(201);
    const gina = await server.login("gina@grid.test", "gina-password-1");
    const list = await gina.get("/api/v1/grids");
    expect(list.body.items.map((g: { id: string }) => g.id)).toEqual([mine.id]);
    expect((await gina.get(`/api/v1/grids/${other.id}`)).status).toBe(404);
    expect((await gina.get(`/api/v1/grids/${mine.id}/allocation`)).status).toBe(200);
    expect((await gina.post("/api/v1/grids", { name: "Mine", maxCurrent: 10 })).status).toBe(403);
    expect((await gina.patch(`/api/v1/grids/${mine.id}`, { maxCurrent: 10 })).status).toBe(403);
  });
});
