import type { SimulatedChargePoint } from "@voltlane/charge-point-simulator";
import { auditEntries, chargePointReservations, chargingProfilesSent, transactions } from "@voltlane/db";
import { and, eq } from "drizzle-orm";
import { RPCClient } from "ocpp-rpc";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient, TestServer } from "../helpers/test-server";
import { startTestServer } from "../helpers/test-server";
import { aChargePoint, aChargingSite, eventually, ocppUrl, simulator } from "./ocpp-fixtures";

type Site = Awaited<ReturnType<typeof aChargingSite>>;

describe("OCPP 1.6 central system: remote commands and malformed frames (OCA test cases)", () => {
  let server: TestServer;
  let admin: ApiClient;
  let site: Site;
  let cp: SimulatedChargePoint;
  const command = (type: string, params: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) =>
    admin.post(`/api/v1/charge-points/${site.chargePointId}/commands`, { type, params, ...extra });
  const txOf = () =>
    server.core.db.select().from(transactions).where(eq(transactions.chargePointId, site.chargePointId));

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login(server.admin.email, server.admin.password);
    site = await aChargingSite(server);
    cp = simulator(server, site.chargePointId, {
      password: site.password,
      remoteSession: { energyWh: 2_000, durationS: 600, timeScale: 50_000, sampleEveryS: 300 },
    });
    await cp.start();
  });
  afterAll(async () => {
    await cp?.close();
    await server?.close();
  });

  it("TC_010 remote start through the API makes the charge point start a session; TC_012 remote stop ends it", async () => {
    const started = await command("RemoteStartTransaction", { connectorId: 1, idTag: site.card.rfid });
    expect(started).toMatchObject({ status: 200, body: { result: { status: "Accepted" } } });
    const tx = await eventually(async () =>
      (await txOf()).find((t) => t.status === "completed" && t.energyWh === 2_000),
    );
    expect(tx.idTag).toBe(site.card.rfid);
    const stopUnknown = await command("RemoteStopTransaction", { transactionId: 987_654 });
    expect(stopUnknown.body).toEqual({ result: { status: "Rejected" } });
    const audit = await server.core.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.action, "charge_point.command.RemoteStartTransaction"));
    expect(audit).toHaveLength(1);
  });

  it("R32 refuses a remote start for a card that may not charge (422) before anything is sent", async () => {
    const refused = await command("RemoteStartTransaction", { connectorId: 1, idTag: "UNKNOWN00" });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details).toMatchObject({ rule: "R32", status: "Invalid" });
    expect(cp.received.filter((c) => c.params.idTag === "UNKNOWN00")).toHaveLength(0);
  });

  it("validates params against the OCPP schema (400), answers 409 for an offline and 404 for an unknown charge point", async () => {
    const bad = await command("ChangeConfiguration", { key: 5 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("validation_failed");
    expect((await command("NoSuchThing")).status).toBe(400);
    const offline = await aChargePoint(server.core.db, site.providerId);
    const res = await admin.post(`/api/v1/charge-points/${offline}/commands`, {
      type: "ClearCache",
      params: {},
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("charge_point_offline");
    expect((await admin.post("/api/v1/charge-points/NOPE/commands", { type: "ClearCache" })).status).toBe(
      404,
    );
  });

  it("TC_019 get configuration and TC_021 change configuration", async () => {
    const changed = await command("ChangeConfiguration", { key: "MeterValueSampleInterval", value: "120" });
    expect(changed.body).toEqual({ result: { status: "Accepted" } });
    const got = await command("GetConfiguration", { key: ["MeterValueSampleInterval"] });
    expect(got.body.result.configurationKey).toEqual([
      expect.objectContaining({ key: "MeterValueSampleInterval", value: "120" }),
    ]);
  });

  it("TC_017 unlock connector, ChangeAvailability, TriggerMessage and ClearCache", async () => {
    expect((await command("UnlockConnector", { connectorId: 1 })).body.result.status).toBe("Unlocked");
    expect(
      (await command("ChangeAvailability", { connectorId: 2, type: "Inoperative" })).body.result.status,
    ).toBe("Accepted");
    expect(
      (await command("ChangeAvailability", { connectorId: 2, type: "Operative" })).body.result.status,
    ).toBe("Accepted");
    expect((await command("TriggerMessage", { requestedMessage: "Heartbeat" })).body.result.status).toBe(
      "Accepted",
    );
    expect((await command("ClearCache")).body.result.status).toBe("Accepted");
  });

  it("TC_042 local authorization list: SendLocalList full and differential, GetLocalListVersion", async () => {
    const full = await command("SendLocalList", {
      listVersion: 3,
      updateType: "Full",
      localAuthorizationList: [{ idTag: site.card.rfid, idTagInfo: { status: "Accepted" } }],
    });
    expect(full.body.result.status).toBe("Accepted");
    const diff = await command("SendLocalList", {
      listVersion: 4,
      updateType: "Differential",
      localAuthorizationList: [{ idTag: "CAFE01", idTagInfo: { status: "Blocked" } }],
    });
    expect(diff.body.result.status).toBe("Accepted");
    expect((await command("GetLocalListVersion")).body.result).toEqual({ listVersion: 4 });
  });

  it("TC_046 reservation: ReserveNow gets a reservation id and is kept; CancelReservation cancels it", async () => {
    const expiryDate = new Date(Date.now() + 3_600_000).toISOString();
    const reserved = await command("ReserveNow", { connectorId: 2, idTag: site.card.rfid, expiryDate });
    expect(reserved.body.result.status).toBe("Accepted");
    const [row] = await server.core.db
      .select()
      .from(chargePointReservations)
      .where(eq(chargePointReservations.chargePointId, site.chargePointId));
    expect(row).toMatchObject({ connectorId: 2, status: "Accepted", idTag: site.card.rfid });
    const cancelled = await command("CancelReservation", { reservationId: row!.reservationId });
    expect(cancelled.body.result.status).toBe("Accepted");
    const [after] = await server.core.db
      .select()
      .from(chargePointReservations)
      .where(eq(chargePointReservations.id, row!.id));
    expect(after!.status).toBe("cancelled");
  });

  it("TC_056 charging profile: SetChargingProfile is kept, GetCompositeSchedule answers, ClearChargingProfile clears", async () => {
    const profile = {
      chargingProfileId: 7,
      stackLevel: 0,
      chargingProfilePurpose: "TxDefaultProfile",
      chargingProfileKind: "Absolute",
      chargingSchedule: {
        chargingRateUnit: "A",
        startSchedule: new Date().toISOString(),
        chargingSchedulePeriod: [{ startPeriod: 0, limit: 16 }],
      },
    };
    const set = await command("SetChargingProfile", { connectorId: 1, csChargingProfiles: profile });
    expect(set.body.result.status).toBe("Accepted");
    const schedule = await command("GetCompositeSchedule", { connectorId: 1, duration: 600 });
    expect(schedule.status).toBe(200);
    expect((await command("ClearChargingProfile", { id: 7 })).body.result.status).toBe("Accepted");
    const [row] = await server.core.db
      .select()
      .from(chargingProfilesSent)
      .where(
        and(
          eq(chargingProfilesSent.chargePointId, site.chargePointId),
          eq(chargingProfilesSent.chargingProfileId, 7),
        ),
      );
    expect(row!.clearedAt).not.toBeNull();
  });

  it("TC_044 firmware and TC_045 diagnostics: status notifications are recorded (R8)", async () => {
    const update = await command("UpdateFirmware", {
      location: "https://fw.example/1.1.bin",
      retrieveDate: new Date().toISOString(),
    });
    expect(update.body).toEqual({ result: {} });
    const diagnostics = await command("GetDiagnostics", { location: "ftp://diag.example/" });
    expect(diagnostics.body.result.fileName).toMatch(/diagnostics-/);
    await eventually(async () => {
      const rows = await server.core.db
        .select()
        .from(auditEntries)
        .where(eq(auditEntries.entityId, site.chargePointId));
      const statuses = rows.map((r) => `${r.action}:${(r.after as { status?: string })?.status}`);
      return (
        statuses.includes("charge_point.firmware_status:Installed") &&
        statuses.includes("charge_point.diagnostics_status:Uploaded")
      );
    });
  });

  it("a charge point that never answers gets 504 charge_point_timeout", async () => {
    const silent = await aChargingSite(server);
    const client = new RPCClient({
      endpoint: ocppUrl(server),
      identity: silent.chargePointId,
      password: silent.password,
      protocols: ["ocpp1.6"],
      reconnect: false,
    } as never) as unknown as {
      connect: () => Promise<unknown>;
      handle: (m: string, h: () => Promise<unknown>) => void;
      close: (o?: unknown) => Promise<unknown>;
    };
    client.handle("ClearCache", () => new Promise(() => {}));
    await client.connect();
    const res = await admin.post(`/api/v1/charge-points/${silent.chargePointId}/commands`, {
      type: "ClearCache",
      timeoutSeconds: 1,
    });
    expect(res.status).toBe(504);
    expect(res.body.error.code).toBe("charge_point_timeout");
    await client.close({ force: true });
  });

  it("malformed frames, wrong types, missing fields, unknown actions and oversized frames get the right CALLERROR or close, and others keep being served", async () => {
    const other = await aChargingSite(server);
    const bystander = simulator(server, other.chargePointId, { password: other.password });
    await bystander.start();
    const probed = await aChargingSite(server);
    const probe = simulator(server, probed.chargePointId, { password: probed.password });
    await probe.connect();
    const code = async (text: string) => JSON.parse(await probe.sendRaw(text))[2];
    expect(await code("this is not json")).toBe("FormationViolation");
    expect(
      await code(
        '[2,"m1","StatusNotification",{"connectorId":"one","errorCode":"NoError","status":"Available"}]',
      ),
    ).toBe("TypeConstraintViolation");
    expect(await code('[2,"m2","BootNotification",{}]')).toBe("OccurrenceConstraintViolation");
    expect(
      await code('[2,"m3","StatusNotification",{"connectorId":1,"errorCode":"NoError","status":"Sleeping"}]'),
    ).toBe("PropertyConstraintViolation");
    expect(await code('[2,"m4","FlyToTheMoon",{}]')).toBe("NotImplemented");
    expect(await code('[2,"m5","Reset",{"type":"Hard"}]')).toBe("NotImplemented");
    await probe
      .sendRaw(`[2,"m6","DataTransfer",{"vendorId":"x","data":"${"x".repeat(300_000)}"}]`, 2_000)
      .catch(() => undefined);
    await eventually(async () => !probe.online);
    expect((await bystander.heartbeat()).currentTime).toBeTruthy();
    await probe.close();
    await bystander.close();
  });

  it("TC_013 hard reset and TC_014 soft reset: the charge point reboots and comes back", async () => {
    for (const type of ["Hard", "Soft"]) {
      // After the previous reset the simulator may be online before the server has registered its new
      // socket (the command then answers 409 offline): retry until the server reaches it.
      const reset = await eventually(async () => {
        const res = await command("Reset", { type });
        return res.status === 200 ? res : undefined;
      }, 10_000);
      expect(reset.body.result.status).toBe("Accepted");
      await eventually(async () => cp.online, 10_000);
    }
    await eventually(async () => (await command("ClearCache")).status === 200, 10_000);
  });
});
