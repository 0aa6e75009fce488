import { markChargePointSeen, markStaleChargePointsOffline } from "@voltlane/core";
import { chargePointConnectionEvents, chargePoints, transactions } from "@voltlane/db";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient, TestServer } from "../../../../../test/helpers/test-server";
import { aCustomerLogin, anotherProvider, aStaff, startAdminServer } from "./charging-assets.fixtures";

const day = 86_400_000;

describe("charge point stats over HTTP (30-day uptime, energy, sessions, revenue)", () => {
  let server: TestServer;
  let admin: ApiClient;
  let providerId: string;

  beforeAll(async () => {
    ({ server, admin, providerId } = await startAdminServer());
  });
  afterAll(async () => server?.close());

  it("records each online/offline change once in the connection history", async () => {
    await admin.post("/api/v1/charge-points", { id: "CP-HIST" });
    const clock = server.core.clock;
    await markChargePointSeen(server.core.db, "CP-HIST", true, clock);
    await markChargePointSeen(server.core.db, "CP-HIST", true, clock); // heartbeat: no change
    await markChargePointSeen(server.core.db, "CP-HIST", false, clock);
    // A charger silent for long is marked offline by the stale job: dated at its last sign of life.
    await markChargePointSeen(server.core.db, "CP-HIST", true, clock);
    const lastSeen = new Date(Date.now() - day);
    await server.core.db
      .update(chargePoints)
      .set({ lastSeenAt: lastSeen })
      .where(eq(chargePoints.id, "CP-HIST"));
    expect(await markStaleChargePointsOffline(server.core, async () => false)).toContain("CP-HIST");
    const history = await server.core.db
      .select()
      .from(chargePointConnectionEvents)
      .where(eq(chargePointConnectionEvents.chargePointId, "CP-HIST"))
      .orderBy(asc(chargePointConnectionEvents.id));
    expect(history.map((h) => h.online)).toEqual([true, false, true, false]);
    expect(history[3]!.at.getTime()).toBe(lastSeen.getTime());
    expect(history.every((h) => h.providerId === providerId)).toBe(true);
  });

  it("answers uptime, energy, sessions and net revenue of the last 30 days", async () => {
    const { customer: owner, api: ownerApi } = await aCustomerLogin(server, providerId, { type: "company" });
    await admin.post("/api/v1/charge-points", { id: "CP-STATS", ownerCustomerId: owner.id });
    const now = Date.now();
    // Online since 40 days ago, offline for 3 days (20 → 17 days ago): 27 of 30 days online.
    await server.core.db.insert(chargePointConnectionEvents).values([
      { providerId, chargePointId: "CP-STATS", online: true, at: new Date(now - 40 * day) },
      { providerId, chargePointId: "CP-STATS", online: false, at: new Date(now - 20 * day) },
      { providerId, chargePointId: "CP-STATS", online: true, at: new Date(now - 17 * day) },
    ]);
    const session = (
      n: number,
      startedDaysAgo: number,
      values: Partial<typeof transactions.$inferInsert>,
    ) => ({
      providerId,
      ocppTransactionId: 770000 + n,
      chargePointId: "CP-STATS",
      connectorId: 1,
      idTag: "AA",
      meterStartWh: 0,
      startedAt: new Date(now - startedDaysAgo * day),
      ...values,
    });
    await server.core.db.insert(transactions).values([
      session(1, 2, {
        status: "completed",
        energyWh: 10_000,
        costNet: 350,
        stoppedAt: new Date(now - 2 * day),
      }),
      session(2, 5, {
        status: "completed",
        energyWh: 22_500,
        costNet: 1_234,
        stoppedAt: new Date(now - 5 * day),
      }),
      // An active session counts with the energy of its last register reading.
      session(3, 0.01, { status: "active", energyWh: 0, lastMeterWh: 1_000 }),
      session(4, 3, { status: "invalid", energyWh: 99_000, costNet: 9_999 }),
      session(5, 45, {
        status: "completed",
        energyWh: 50_000,
        costNet: 5_000,
        stoppedAt: new Date(now - 45 * day),
      }),
    ]);
    const res = await admin.get("/api/v1/charge-points/CP-STATS/stats");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      chargePointId: "CP-STATS",
      days: 30,
      sessions: 3,
      energyWh: 33_500,
      revenue: 1_584,
      currency: "EUR",
    });
    expect(Number(res.body.uptime.percent)).toBeCloseTo(90, 1);
    expect(res.body.uptime.measuredSeconds).toBeGreaterThanOrEqual(30 * 86_400 - 5);
    // The owner sees the same figures on its own charger (§6 "Charge points": details).
    expect((await ownerApi.get("/api/v1/charge-points/CP-STATS/stats")).body.sessions).toBe(3);
    const week = await admin.get("/api/v1/charge-points/CP-STATS/stats?days=7");
    expect(week.body).toMatchObject({ days: 7, sessions: 3 });
    expect((await admin.get("/api/v1/charge-points/CP-STATS/stats?days=0")).status).toBe(400);
  });

  it("has no uptime for a charger without history, and is hidden outside the scope (R4)", async () => {
    await admin.post("/api/v1/charge-points", { id: "CP-QUIET" });
    const quiet = await admin.get("/api/v1/charge-points/CP-QUIET/stats");
    expect(quiet.body.uptime).toEqual({ percent: null, onlineSeconds: 0, measuredSeconds: 0, since: null });
    const { api: stranger } = await aCustomerLogin(server, providerId, { type: "company" });
    expect((await stranger.get("/api/v1/charge-points/CP-STATS/stats")).status).toBe(404);
    const other = await aStaff(server, await anotherProvider(server), ["admin"]);
    expect((await other.get("/api/v1/charge-points/CP-STATS/stats")).status).toBe(404);
    expect((await server.anonymous.get("/api/v1/charge-points/CP-STATS/stats")).status).toBe(401);
  });
});
