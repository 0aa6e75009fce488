import { chargePoints, connectorStatusEvents, connectors, providers, transactions } from "@voltlane/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient, TestServer } from "../helpers/test-server";
import { startTestServer } from "../helpers/test-server";
import { aCard, aChargingSite, eventually, simulator } from "./ocpp-fixtures";
import { probeUpgrade } from "./upgrade-probe";

type Site = Awaited<ReturnType<typeof aChargingSite>>;

describe("OCPP 1.6 central system: boot, sessions, authorization (OCA test cases)", () => {
  let server: TestServer;
  let admin: ApiClient;
  let site: Site;
  const txOf = async (chargePointId: string) =>
    server.core.db.select().from(transactions).where(eq(transactions.chargePointId, chargePointId));
  const connect = async (s: Site = site) => {
    const cp = simulator(server, s.chargePointId, { password: s.password });
    expect((await cp.start()).status).toBe("Accepted");
    return cp;
  };

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login(server.admin.email, server.admin.password);
    site = await aChargingSite(server);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("TC_001_CS cold boot: Accepted with a heartbeat interval, statuses of every connector and the charger stored", async () => {
    const cp = simulator(server, site.chargePointId, { password: site.password, serialNumber: "SN-1" });
    const boot = await cp.start();
    expect(boot).toMatchObject({ status: "Accepted" });
    expect(boot.interval).toBeGreaterThan(0);
    expect(Math.abs(Date.parse(boot.currentTime) - Date.now())).toBeLessThan(60_000);
    const [row] = await server.core.db
      .select()
      .from(chargePoints)
      .where(eq(chargePoints.id, site.chargePointId));
    expect(row).toMatchObject({ online: true, vendor: "Voltlane", model: "SIM-AC22", serialNumber: "SN-1" });
    const conns = await server.core.db
      .select()
      .from(connectors)
      .where(eq(connectors.chargePointId, site.chargePointId));
    expect(conns.map((c) => [c.connectorId, c.status]).sort()).toEqual([
      [1, "Available"],
      [2, "Available"],
    ]);
    const events = await server.core.db
      .select()
      .from(connectorStatusEvents)
      .where(eq(connectorStatusEvents.chargePointId, site.chargePointId));
    expect(events.map((e) => e.connectorId).sort()).toEqual([0, 1, 2]);
    expect((await cp.heartbeat()).currentTime).toBeTruthy();
    await cp.close();
    await eventually(async () => {
      const [after] = await server.core.db
        .select()
        .from(chargePoints)
        .where(eq(chargePoints.id, site.chargePointId));
      return after?.online === false;
    });
  });

  it("refuses an unknown identity (404) and a wrong or missing password (401) at the upgrade", async () => {
    expect(await probeUpgrade(server.url, "/ocpp/NOPE-1")).toBe(404);
    expect(await probeUpgrade(server.url, `/ocpp/${site.chargePointId}`)).toBe(401);
    expect(
      await probeUpgrade(server.url, `/ocpp/${site.chargePointId}`, {
        user: site.chargePointId,
        password: "wrong",
      }),
    ).toBe(401);
    expect(
      await probeUpgrade(server.url, `/ocpp/${site.chargePointId}`, {
        user: site.chargePointId,
        password: site.password,
      }),
    ).toBe(101);
    expect(await probeUpgrade(server.url, "/elsewhere/x")).toBe(0);
  });

  it("TC_003 regular charging session: exact energy, charging time, cost from the snapshot tariff (R35)", async () => {
    const cp = await connect();
    const result = await cp.runSession({
      connectorId: 1,
      idTag: site.card.rfid,
      energyWh: 7_500,
      durationS: 1_800,
      sampleEveryS: 300,
      timeScale: 20_000,
    });
    expect(result).toMatchObject({ status: "Accepted", energyWh: 7_500 });
    const [tx] = (await txOf(site.chargePointId)).filter((t) => t.ocppTransactionId === result.transactionId);
    expect(tx).toMatchObject({
      status: "completed",
      energyWh: 7_500,
      meterStopWh: tx!.meterStartWh + 7_500,
      chargingSeconds: 1_800,
      idleSeconds: 0,
      stopReason: "Local",
      billable: true,
      currency: "EUR",
      // 0.50 start fee + 7.5 kWh × 0.30 = 2.75
      costStartFee: 50,
      costEnergy: 225,
      costNet: 275,
      payerCustomerId: site.driver.id,
      receiverCustomerId: site.owner.id,
      chargeGroupId: site.group.id,
    });
    expect(tx!.tariffSnapshot).toMatchObject({ energyPrice: "0.3000" });
    const detail = await admin.get(`/api/v1/transactions/${tx!.id}`);
    expect(detail.status).toBe(200);
    expect(
      detail.body.meterValues.filter((m: { measurand: string }) => m.measurand === "Power.Active.Import")
        .length,
    ).toBeGreaterThan(0);
    await cp.close();
  });

  it("TC_004 / TC_005: stops with unlock or EV-side disconnect keep the reason; idle time counts Finishing (R36)", async () => {
    const cp = await connect();
    const t0 = new Date(Date.now() - 3_600_000);
    await cp.statusNotification(2, "Preparing", "NoError", t0);
    const start = await cp.startTransaction({
      connectorId: 2,
      idTag: site.card.rfid,
      meterStart: 1_000,
      timestamp: t0,
    });
    await cp.statusNotification(2, "Charging", "NoError", t0);
    await cp.statusNotification(2, "Finishing", "NoError", new Date(t0.getTime() + 1_200_000));
    await cp.stopTransaction({
      transactionId: start.transactionId,
      meterStop: 4_000,
      timestamp: new Date(t0.getTime() + 1_800_000),
      reason: "EVDisconnected",
    });
    const [tx] = (await txOf(site.chargePointId)).filter((t) => t.ocppTransactionId === start.transactionId);
    expect(tx).toMatchObject({
      stopReason: "EVDisconnected",
      energyWh: 3_000,
      chargingSeconds: 1_200,
      idleSeconds: 600,
    });
    await cp.close();
  });

  it("TC_023 authorization: unknown → Invalid, blocked → Blocked, expired → Expired; a refused start still gets an id but is invalid", async () => {
    const cp = await connect();
    const blocked = await aCard(server.core.db, site.providerId, site.driver.id, "blocked");
    const expired = await aCard(
      server.core.db,
      site.providerId,
      site.driver.id,
      "active",
      new Date("2020-01-01"),
    );
    expect((await cp.authorize("DEADBEEF00")).status).toBe("Invalid");
    expect((await cp.authorize(blocked.rfid)).status).toBe("Blocked");
    expect((await cp.authorize(expired.rfid)).status).toBe("Expired");
    const start = await cp.startTransaction({ connectorId: 1, idTag: blocked.rfid, meterStart: 0 });
    expect(start.idTagInfo.status).toBe("Blocked");
    expect(start.transactionId).toBeGreaterThan(0);
    await cp.stopTransaction({ transactionId: start.transactionId, meterStop: 0, reason: "DeAuthorized" });
    const [tx] = (await txOf(site.chargePointId)).filter((t) => t.ocppTransactionId === start.transactionId);
    expect(tx).toMatchObject({ status: "invalid", billable: false, authorizationStatus: "Blocked" });
    await cp.close();
  });

  it("a repeated StartTransaction returns the same transactionId; an unknown StopTransaction is answered", async () => {
    const cp = await connect();
    const timestamp = new Date(Date.now() - 60_000);
    const first = await cp.startTransaction({
      connectorId: 1,
      idTag: site.card.rfid,
      meterStart: 500,
      timestamp,
    });
    const again = await cp.startTransaction({
      connectorId: 1,
      idTag: site.card.rfid,
      meterStart: 500,
      timestamp,
    });
    expect(again.transactionId).toBe(first.transactionId);
    expect(again.idTagInfo.status).toBe("Accepted");
    expect(
      await cp.stopTransaction({ transactionId: 999_999, meterStop: 10, idTag: site.card.rfid }),
    ).toEqual({
      idTagInfo: { status: "Accepted" },
    });
    await cp.stopTransaction({ transactionId: first.transactionId, meterStop: 900 });
    await cp.close();
  });

  it("a reboot with a session open closes it with reason Reboot and the last meter value", async () => {
    const cp = await connect();
    const t0 = new Date(Date.now() - 600_000);
    const start = await cp.startTransaction({
      connectorId: 1,
      idTag: site.card.rfid,
      meterStart: 10_000,
      timestamp: t0,
    });
    await cp.meterValues(1, start.transactionId, [
      {
        timestamp: new Date(t0.getTime() + 300_000).toISOString(),
        sampledValue: [{ value: "11.234", unit: "kWh", measurand: "Energy.Active.Import.Register" }],
      },
    ]);
    await cp.boot();
    const [tx] = (await txOf(site.chargePointId)).filter((t) => t.ocppTransactionId === start.transactionId);
    expect(tx).toMatchObject({
      status: "completed",
      stopReason: "Reboot",
      meterStopWh: 11_234,
      energyWh: 1_234,
    });
    expect(tx!.stoppedAt).toEqual(new Date(t0.getTime() + 300_000));
    await cp.close();
  });

  it("TC_032 power failure with offline transactions: queued messages with past timestamps are accepted in order, nothing lost", async () => {
    const offline = await aChargingSite(server);
    const past = new Date(Date.now() - 86_400_000);
    const cp = simulator(server, offline.chargePointId, { password: offline.password, clock: () => past });
    await cp.start();
    await cp.authorize(offline.card.rfid);
    await cp.disconnect();
    const result = await cp.runSession({
      connectorId: 1,
      idTag: offline.card.rfid,
      energyWh: 4_321,
      durationS: 1_200,
      sampleEveryS: 300,
      timeScale: 100_000,
    });
    expect(result.transactionId).toBeLessThan(0);
    await cp.reconnect();
    expect(cp.queuedMessages).toBe(0);
    const [tx] = await txOf(offline.chargePointId);
    expect(tx).toMatchObject({
      status: "completed",
      energyWh: 4_321,
      startedAt: past,
      chargingSeconds: 1_200,
    });
    expect(tx!.stoppedAt).toEqual(new Date(past.getTime() + 1_200_000));
    await cp.close();
  });

  it("acceptance: after N sessions GET /transactions lists exactly N with the exact Wh, also across a dropped and resumed connection, and as CSV", async () => {
    const fresh = await aChargingSite(server);
    const cp = simulator(server, fresh.chargePointId, { password: fresh.password });
    await cp.start();
    const energies = [1_111, 2_222, 3_333];
    for (const [i, energyWh] of energies.entries()) {
      if (i === 1) {
        await cp.disconnect();
        await cp.reconnect();
      }
      await cp.runSession({
        connectorId: 1,
        idTag: fresh.card.rfid,
        energyWh,
        durationS: 900,
        timeScale: 100_000,
      });
    }
    const list = await admin.get(`/api/v1/transactions?chargePointId=${fresh.chargePointId}`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(3);
    expect(list.body.items.map((t: { energyWh: number }) => t.energyWh).sort()).toEqual(energies);
    expect(list.body.items[0]).toMatchObject({
      chargePointId: fresh.chargePointId,
      status: "completed",
      currency: "EUR",
    });
    const csv = await admin.raw(`/api/v1/transactions?chargePointId=${fresh.chargePointId}&format=csv`);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toBe(
      "id,chargePointId,connectorId,chargeCardId,startedAt,stoppedAt,energyWh,cost,currency,payerCustomerId,receiverCustomerId,status",
    );
    expect(lines).toHaveLength(4);
    const byCustomer = await admin.get(`/api/v1/transactions?customerId=${fresh.driver.id}&status=completed`);
    expect(byCustomer.body.total).toBe(3);
    const log = await admin.get(`/api/v1/charge-points/${fresh.chargePointId}/messages?pageSize=500`);
    expect(log.status).toBe(200);
    const actions = log.body.items.map((m: { action: string }) => m.action);
    expect(actions).toContain("StartTransaction");
    expect(actions).toContain("StopTransaction");
    await cp.close();
  });

  it("transactions need a login (401) and an unknown or invisible id answers 404 (R4)", async () => {
    const [one] = await txOf(site.chargePointId);
    const hidden = await server.anonymous.get(`/api/v1/transactions/${one!.id}`);
    expect(hidden.status).toBe(401);
    expect((await admin.get(`/api/v1/transactions/${crypto.randomUUID()}`)).status).toBe(404);
  });

  it("billable override (R37): audited, only for completed sessions, needs a reason", async () => {
    const rows = await txOf(site.chargePointId);
    const completed = rows.find((t) => t.status === "completed")!;
    const invalid = rows.find((t) => t.status === "invalid")!;
    const off = await admin.post(`/api/v1/transactions/${completed.id}/billable`, {
      billable: false,
      reason: "test drive",
    });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ billable: false, notBillableReason: "manual" });
    expect(
      (await admin.post(`/api/v1/transactions/${invalid.id}/billable`, { billable: true, reason: "x" }))
        .status,
    ).toBe(422);
    expect(
      (await admin.post(`/api/v1/transactions/${completed.id}/billable`, { billable: true })).status,
    ).toBe(400);
    const [after] = await server.core.db
      .select()
      .from(transactions)
      .where(and(eq(transactions.id, completed.id)));
    expect(after!.billableOverrideBy).not.toBeNull();
  });

  it("R17: with acceptUnknownChargePoints an unknown identity is registered inactive and boots Pending", async () => {
    const db = server.core.db;
    const [provider] = await db.select().from(providers).where(eq(providers.id, site.providerId));
    await db
      .update(providers)
      .set({ settings: { ...provider!.settings, acceptUnknownChargePoints: true } })
      .where(eq(providers.id, site.providerId));
    try {
      const cp = simulator(server, "NEW-UNKNOWN-1");
      await cp.connect();
      expect((await cp.boot()).status).toBe("Pending");
      const [row] = await db.select().from(chargePoints).where(eq(chargePoints.id, "NEW-UNKNOWN-1"));
      expect(row).toMatchObject({ activation: "inactive", providerId: site.providerId });
      expect((await cp.authorize(site.card.rfid)).status).toBe("Invalid");
      await cp.close();
    } finally {
      await db
        .update(providers)
        .set({ settings: provider!.settings })
        .where(eq(providers.id, site.providerId));
    }
  });
});
