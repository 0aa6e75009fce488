import { fixedClock, markStaleChargePointsOffline } from "@voltlane/core";
import { chargePoints } from "@voltlane/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayOf } from "../../apps/server/src/ocpp/gateway";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { aChargePoint, aChargingSite, simulator } from "./ocpp-fixtures";

/** Stale online state: a process that died never marked its chargers offline. */
describe("stale online state", () => {
  const clock = fixedClock(new Date());
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ clock });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("marks chargers silent for 2.5 heartbeat intervals offline, unless a process holds their socket", async () => {
    const db = server.core.db;
    const site = await aChargingSite(server);
    const connected = simulator(server, site.chargePointId, { password: site.password });
    await connected.start();
    const t0 = clock.now();
    const orphan = await aChargePoint(db, site.providerId);
    const recent = await aChargePoint(db, site.providerId);
    await db.update(chargePoints).set({ online: true, lastSeenAt: t0 }).where(eq(chargePoints.id, orphan));
    // 300 s heartbeats: 12 minutes is within 2.5 intervals (12.5 min), 13 minutes is not.
    const twelve = new Date(t0.getTime() + 12 * 60_000);
    await db
      .update(chargePoints)
      .set({ online: true, lastSeenAt: twelve })
      .where(eq(chargePoints.id, recent));
    const isConnected = gatewayOf(server.core)!.router.isConnected;

    clock.set(new Date(t0.getTime() + 12 * 60_000));
    expect(await markStaleChargePointsOffline(server.core, isConnected)).toEqual([]);
    clock.set(new Date(t0.getTime() + 13 * 60_000));
    expect(await markStaleChargePointsOffline(server.core, isConnected)).toEqual([orphan]);
    const online = async (id: string) =>
      (await db.select({ online: chargePoints.online }).from(chargePoints).where(eq(chargePoints.id, id)))[0]!
        .online;
    expect(await online(orphan)).toBe(false);
    expect(await online(recent)).toBe(true);
    expect(await online(site.chargePointId)).toBe(true);
    await connected.close();
  });
});
