import type { SimulatedChargePoint } from "@voltlane/charge-point-simulator";
import { chargePoints } from "@voltlane/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, startTestServer, type TestServer } from "../helpers/test-server";
import {
  aCard,
  aChargeGroup,
  aChargePoint,
  aCustomer,
  eventually,
  operatorProviderId,
  simulator,
  uid,
} from "./ocpp-fixtures";

/**
 * Issue #7 acceptance, checked from outside with the charge point simulator: "A grid of 32 A with four
 * active charge points: the SetChargingProfile limits the server sends never sum above 32 A on any
 * phase, and are re-sent when a session stops."
 */
type Profile = {
  transactionId?: number;
  chargingProfilePurpose: string;
  chargingSchedule: { chargingSchedulePeriod: { limit: number }[] };
};
const profilesOf = (cp: SimulatedChargePoint, purpose: string) =>
  cp.received
    .filter((c) => c.action === "SetChargingProfile")
    .map((c) => ({ at: c.at, profile: (c.params as { csChargingProfiles: Profile }).csChargingProfiles }))
    .filter(({ profile }) => profile.chargingProfilePurpose === purpose);
const limitsOf = (cp: SimulatedChargePoint, purpose = "TxProfile") =>
  profilesOf(cp, purpose).map(({ profile }) => profile.chargingSchedule.chargingSchedulePeriod[0]!.limit);
const latestLimit = (cp: SimulatedChargePoint) => limitsOf(cp).at(-1);
const latestDefault = (cp: SimulatedChargePoint) => limitsOf(cp, "TxDefaultProfile").at(-1);

describe("smart charging on a 32 A grid (acceptance)", () => {
  let server: TestServer;
  let admin: ApiClient;
  let gridId: string;
  const cps: SimulatedChargePoint[] = [];
  const transactions: number[] = [];
  const cards = new Map<SimulatedChargePoint, string>();
  const runs: Promise<unknown>[] = [];
  const password = `pw-${uid()}-secret`;
  /**
   * After every frame a charge point receives: the limits in force (the server's profiles, installed in the
   * simulator; a TxProfile ends with its transaction) never sum above 32 A, in deciamps.
   */
  const sums: number[] = [];
  const recordSum = () =>
    sums.push(cps.reduce((sum, cp) => sum + Math.round((cp.currentLimitA(1) ?? 0) * 10), 0));

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login(server.admin.email, server.admin.password);
    const db = server.core.db;
    const providerId = await operatorProviderId(db);
    const { group } = await aChargeGroup(db, providerId);
    const driver = await aCustomer(db, providerId);
    const grid = await admin.post("/api/v1/grids", { name: "Car park", maxCurrent: 32 });
    expect(grid.status).toBe(201);
    gridId = grid.body.id;
    for (let i = 0; i < 4; i++) {
      const id = await aChargePoint(db, providerId, { password, groupId: group.id });
      expect((await admin.post(`/api/v1/grids/${gridId}/charge-points`, { chargePointId: id })).status).toBe(
        200,
      );
      const cp = simulator(server, id, {
        password,
        connectors: 1,
        log: (dir) => dir === "in" && recordSum(),
      });
      expect((await cp.start()).status).toBe("Accepted");
      const card = await aCard(db, providerId, driver.id);
      cps.push(cp);
      cards.set(cp, card.rfid);
    }
  }, 120_000);

  afterAll(async () => {
    for (const cp of cps) await cp.stopAllSessions("Local").catch(() => undefined);
    await Promise.allSettled(runs);
    for (const cp of cps) await cp.close().catch(() => undefined);
    await server?.close();
  });

  it("idle connectors get a TxDefaultProfile share at once: four chargers, 8 A each", async () => {
    await eventually(async () => cps.every((cp) => latestDefault(cp) === 8), 10_000);
    expect(cps.map((cp) => cp.currentLimitA(1))).toEqual([8, 8, 8, 8]);
    expect(Math.max(...sums)).toBeLessThanOrEqual(320);
  });

  it("four sessions share 32 A: the latest limits sum to ≤ 32 A (8 A each)", async () => {
    const startedAt: number[] = [];
    for (const cp of cps) {
      // A real-time hour-long session: Authorize, StartTransaction, Charging, Current.Import samples.
      runs.push(
        cp.runSession({
          connectorId: 1,
          idTag: cards.get(cp)!,
          energyWh: 50_000,
          durationS: 3_600,
          timeScale: 1,
          sampleEveryS: 2,
        }),
      );
      transactions.push(await eventually(async () => cp.connectors[1]?.session?.transactionId, 10_000));
      startedAt.push(Date.now());
    }
    await eventually(async () => cps.every((cp) => latestLimit(cp) === 8), 20_000);
    for (const [i, cp] of cps.entries()) {
      const last = cp.received.filter((c) => c.action === "SetChargingProfile").at(-1)!;
      const profile = (last.params as { csChargingProfiles: Profile & { chargingProfilePurpose: string } })
        .csChargingProfiles;
      expect(profile.chargingProfilePurpose).toBe("TxProfile");
      // Named once the charger accepted one for the transaction; the first applies to the running one.
      expect([undefined, transactions[i]]).toContain(profile.transactionId);
      expect(cp.currentLimitA(1)).toBe(8);
    }
    expect(Math.max(...sums)).toBeLessThanOrEqual(320);
    // Event-driven: each first TxProfile follows its start at once, not on the (15 s) sweep, and
    // names no transaction (the charger may not have read StartTransaction.conf yet).
    for (const [i, cp] of cps.entries()) {
      const first = profilesOf(cp, "TxProfile")[0]!;
      expect(first.profile.transactionId).toBeUndefined();
      expect(first.at.getTime() - startedAt[i]!).toBeLessThan(3_000);
    }
    // The whole grid is allocated: a fifth car plugging in anywhere would have to wait for its TxProfile.
    expect(cps.map((cp) => latestDefault(cp))).toEqual([0, 0, 0, 0]);

    const allocation = await admin.get(`/api/v1/grids/${gridId}/allocation`);
    expect(allocation.status).toBe(200);
    expect(allocation.body.connectors).toHaveLength(4);
    expect(allocation.body.connectors.every((c: { sentLimitA: number }) => c.sentLimitA === 8)).toBe(true);
    expect(allocation.body.phaseLoads).toEqual([32, 32, 32]);
  }, 60_000);

  it("one stops: the other three get new, higher profiles that still sum to ≤ 32 A", async () => {
    const before = cps.map((cp) => limitsOf(cp).length);
    await cps[0]!.stopAllSessions("EVDisconnected");
    // Its connector is idle again with a default of 0 (set when its session began), and nothing to
    // spare: a new car there would wait for its TxProfile.
    expect(cps[0]!.currentLimitA(1)).toBe(0);
    // 32 A over three: 10.6 A each, and the two deciamps left by flooring go to two of them.
    await eventually(async () => cps.slice(1).every((cp) => (latestLimit(cp) ?? 0) >= 10.6), 20_000);
    for (const [i, cp] of cps.entries()) if (i > 0) expect(limitsOf(cp).length).toBeGreaterThan(before[i]!);
    const remaining = cps.slice(1).map((cp) => latestLimit(cp)!);
    expect(remaining.every((limit) => limit >= 10.6 && limit <= 10.7)).toBe(true);
    expect(Math.round(remaining.reduce((a, b) => a + b, 0) * 10)).toBeLessThanOrEqual(320);
    expect(Math.max(...sums)).toBeLessThanOrEqual(320);
  }, 60_000);

  it("a charge point that rejects profiles is flagged and counted at its maximum; the others make room", async () => {
    const db = server.core.db;
    const providerId = await operatorProviderId(db);
    const { group } = await aChargeGroup(db, providerId);
    const id = await aChargePoint(db, providerId, { password, groupId: group.id });
    await db.update(chargePoints).set({ maxCurrentA: 16 }).where(eq(chargePoints.id, id));
    expect((await admin.post(`/api/v1/grids/${gridId}/charge-points`, { chargePointId: id })).status).toBe(
      200,
    );
    const stubborn = simulator(server, id, { password, connectors: 1, rejectChargingProfiles: true });
    cps.push(stubborn);
    await stubborn.start();
    const card = await aCard(db, providerId, (await aCustomer(db, providerId)).id);
    runs.push(
      stubborn.runSession({
        connectorId: 1,
        idTag: card.rfid,
        energyWh: 50_000,
        durationS: 3_600,
        timeScale: 1,
      }),
    );

    const grid = await eventually(async () => {
      const res = await admin.get(`/api/v1/grids/${gridId}`);
      return res.body.rejectingChargePointIds.includes(id) && res.body;
    }, 20_000);
    expect(grid.chargePointIds).toContain(id);
    // 32 A − 16 A assumed for the stubborn one leaves 16 A: two cars at 8 A, the latest arrival paused.
    await eventually(async () => {
      const limits = cps.slice(1, 4).map((cp) => latestLimit(cp));
      return limits.filter((l) => l === 8).length === 2 && limits.includes(0);
    }, 20_000);
    const inForce = cps.slice(1, 4).reduce((sum, cp) => sum + Math.round((cp.currentLimitA(1) ?? 0) * 10), 0);
    expect(inForce).toBeLessThanOrEqual(160);
    const allocation = await admin.get(`/api/v1/grids/${gridId}/allocation`);
    const flagged = allocation.body.connectors.find((c: { chargePointId: string }) => c.chargePointId === id);
    expect(flagged).toMatchObject({ rejectsProfiles: true, limitA: 16, profileStatus: "Rejected" });
  }, 60_000);
});
