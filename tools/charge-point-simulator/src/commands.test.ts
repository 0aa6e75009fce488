import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type ChargePointOptions, createChargePoint, type SimulatedChargePoint } from "./index.ts";
import type { MeterValue } from "./ocpp-types.ts";
import { type CentralSystem, startCentralSystem } from "./test-central-system.ts";

let cs: CentralSystem;
const open: SimulatedChargePoint[] = [];

beforeAll(async () => {
  cs = await startCentralSystem();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((cp) => cp.close()));
});
afterAll(async () => {
  await cs.close();
});

async function bootedChargePoint(identity: string, extra: Partial<ChargePointOptions> = {}) {
  const cp = createChargePoint({ url: cs.url, identity, jobStepMs: 5, ...extra });
  open.push(cp);
  await cp.start();
  return cp;
}

const statusesOf = (identity: string, connectorId: number) =>
  cs
    .callsOf(identity, "StatusNotification")
    .filter((c) => c.params.connectorId === connectorId)
    .map((c) => c.params.status);

describe("remote start and stop", () => {
  it("starts a session on remote start and stops it on remote stop with reason Remote", async () => {
    const cp = await bootedChargePoint("CP-REMOTE", {
      remoteSession: { energyWh: 50_000, durationS: 36_000, timeScale: 3_600, sampleEveryS: 600 },
    });
    expect(
      await cs.command("CP-REMOTE", "RemoteStartTransaction", { connectorId: 2, idTag: "04A1B2C3D4" }),
    ).toEqual({
      status: "Accepted",
    });
    // The connector is claimed at once: a second remote start in the same breath is refused.
    expect(
      await cs.command("CP-REMOTE", "RemoteStartTransaction", { connectorId: 2, idTag: "04A1B2C3D5" }),
    ).toEqual({
      status: "Rejected",
    });
    const start = await cs.until(() => cs.callsOf("CP-REMOTE", "StartTransaction")[0]);
    expect(start.params).toMatchObject({ connectorId: 2, idTag: "04A1B2C3D4" });
    expect(cs.callsOf("CP-REMOTE", "Authorize")).toHaveLength(0); // AuthorizeRemoteTxRequests=false
    await cs.until(() => cs.callsOf("CP-REMOTE", "MeterValues")[0]);
    const transactionId = cp.connectors[2]!.session!.transactionId;
    expect(await cs.command("CP-REMOTE", "RemoteStopTransaction", { transactionId: 999_999 })).toEqual({
      status: "Rejected",
    });
    expect(await cs.command("CP-REMOTE", "RemoteStopTransaction", { transactionId })).toEqual({
      status: "Accepted",
    });
    const stop = await cs.until(() => cs.callsOf("CP-REMOTE", "StopTransaction")[0]);
    expect(stop.params).toMatchObject({ transactionId, reason: "Remote" });
    expect(stop.params.meterStop).toBeGreaterThan(0);
    expect(stop.params.meterStop).toBeLessThan(50_000);
    await cs.until(() => statusesOf("CP-REMOTE", 2).at(-1) === "Available");
    expect(cp.received.map((r) => r.action)).toEqual([
      "RemoteStartTransaction",
      "RemoteStartTransaction",
      "RemoteStopTransaction",
      "RemoteStopTransaction",
    ]);
  });

  it("rejects a remote start on a busy or unknown connector", async () => {
    await bootedChargePoint("CP-BUSY", { connectors: 1 });
    expect(await cs.command("CP-BUSY", "RemoteStartTransaction", { connectorId: 5, idTag: "X" })).toEqual({
      status: "Rejected",
    });
  });
});

describe("reset", () => {
  it("stops running sessions with the reset reason, reconnects and boots again", async () => {
    const cp = await bootedChargePoint("CP-RESET");
    const session = cp.runSession({
      connectorId: 1,
      idTag: "04A1B2C3D4",
      energyWh: 9_000,
      durationS: 7_200,
      timeScale: 3_600,
    });
    await cs.until(() => cs.callsOf("CP-RESET", "StartTransaction")[0]);
    expect(await cs.command("CP-RESET", "Reset", { type: "Hard" })).toEqual({ status: "Accepted" });
    expect((await session).stopReason).toBe("HardReset");
    expect(cs.callsOf("CP-RESET", "StopTransaction")[0]?.params.reason).toBe("HardReset");
    await cs.until(() => cs.callsOf("CP-RESET", "BootNotification").length === 2);
    expect(cp.online).toBe(true);
  });
});

describe("configuration", () => {
  it("lists keys, reports unknown ones and guards readonly and typed values", async () => {
    await bootedChargePoint("CP-CONFIG");
    const all = await cs.command("CP-CONFIG", "GetConfiguration", {});
    const keys = (all.configurationKey as { key: string }[]).map((k) => k.key);
    for (const key of [
      "HeartbeatInterval",
      "MeterValuesSampledData",
      "NumberOfConnectors",
      "SupportedFeatureProfiles",
    ]) {
      expect(keys).toContain(key);
    }
    const some = await cs.command("CP-CONFIG", "GetConfiguration", { key: ["NumberOfConnectors", "Bogus"] });
    expect(some).toEqual({
      configurationKey: [{ key: "NumberOfConnectors", readonly: true, value: "2" }],
      unknownKey: ["Bogus"],
    });
    const change = (key: string, value: string) =>
      cs.command("CP-CONFIG", "ChangeConfiguration", { key, value });
    expect(await change("HeartbeatInterval", "60")).toEqual({ status: "Accepted" });
    expect(await change("HeartbeatInterval", "soon")).toEqual({ status: "Rejected" });
    expect(await change("NumberOfConnectors", "4")).toEqual({ status: "Rejected" });
    expect(await change("Bogus", "1")).toEqual({ status: "NotSupported" });
    const after = await cs.command("CP-CONFIG", "GetConfiguration", { key: ["HeartbeatInterval"] });
    expect(after.configurationKey).toEqual([{ key: "HeartbeatInterval", readonly: false, value: "60" }]);
  });
});

describe("local list", () => {
  it("applies full and differential updates and tracks the version", async () => {
    const cp = await bootedChargePoint("CP-LIST");
    const send = (params: Record<string, unknown>) => cs.command("CP-LIST", "SendLocalList", params);
    expect(await cs.command("CP-LIST", "GetLocalListVersion", {})).toEqual({ listVersion: 0 });
    const accepted = { status: "Accepted" };
    const list = [
      { idTag: "AAA", idTagInfo: accepted },
      { idTag: "BBB", idTagInfo: accepted },
    ];
    expect(await send({ listVersion: 3, updateType: "Full", localAuthorizationList: list })).toEqual(
      accepted,
    );
    const diff = [{ idTag: "AAA" }, { idTag: "CCC", idTagInfo: { status: "Blocked" } }];
    expect(await send({ listVersion: 3, updateType: "Differential", localAuthorizationList: diff })).toEqual({
      status: "VersionMismatch",
    });
    expect(await send({ listVersion: 4, updateType: "Differential", localAuthorizationList: diff })).toEqual(
      accepted,
    );
    expect(await cs.command("CP-LIST", "GetLocalListVersion", {})).toEqual({ listVersion: 4 });
    expect(cp.localList.lookup("AAA")).toBeUndefined();
    expect(cp.localList.lookup("CCC")?.status).toBe("Blocked");
    expect(cp.localList.size).toBe(2);
  });
});

describe("smart charging", () => {
  it("caps simulated power at the profile's current limit", async () => {
    const cp = await bootedChargePoint("CP-LIMIT");
    const profile = {
      chargingProfileId: 7,
      stackLevel: 1,
      chargingProfilePurpose: "TxDefaultProfile",
      chargingProfileKind: "Absolute",
      chargingSchedule: { chargingRateUnit: "A", chargingSchedulePeriod: [{ startPeriod: 0, limit: 10 }] },
    };
    expect(
      await cs.command("CP-LIMIT", "SetChargingProfile", { connectorId: 1, csChargingProfiles: profile }),
    ).toEqual({
      status: "Accepted",
    });
    expect(cp.currentLimitA(1)).toBe(10);
    const composite = await cs.command("CP-LIMIT", "GetCompositeSchedule", {
      connectorId: 1,
      duration: 3600,
    });
    expect(composite).toMatchObject({
      status: "Accepted",
      chargingSchedule: { chargingSchedulePeriod: [{ limit: 10 }] },
    });
    const result = await cp.runSession({
      connectorId: 1,
      idTag: "04A1B2C3D4",
      energyWh: 3_000,
      durationS: 600,
      powerW: 22_000,
      sampleEveryS: 300,
      timeScale: 100_000,
    });
    expect(result.meterStop).toBe(3_000);
    const powers = cs
      .callsOf("CP-LIMIT", "MeterValues")
      .flatMap((c) => c.params.meterValue as MeterValue[])
      .map((m) => Number(m.sampledValue.find((v) => v.measurand === "Power.Active.Import")?.value));
    expect(powers.every((p) => p === 6_900)).toBe(true); // 10 A × 230 V × 3 phases
    expect(await cs.command("CP-LIMIT", "ClearChargingProfile", { id: 7 })).toEqual({ status: "Accepted" });
    expect(cp.currentLimitA(1)).toBeUndefined();
  });

  it("rejects every profile when asked to", async () => {
    await bootedChargePoint("CP-NOPROFILE", { rejectChargingProfiles: true });
    const profile = {
      chargingProfileId: 1,
      stackLevel: 0,
      chargingProfilePurpose: "ChargePointMaxProfile",
      chargingProfileKind: "Absolute",
      chargingSchedule: { chargingRateUnit: "W", chargingSchedulePeriod: [{ startPeriod: 0, limit: 11000 }] },
    };
    expect(
      await cs.command("CP-NOPROFILE", "SetChargingProfile", { connectorId: 0, csChargingProfiles: profile }),
    ).toEqual({ status: "Rejected" });
  });
});

describe("device management", () => {
  it("reserves, refuses a second reservation, and cancels", async () => {
    await bootedChargePoint("CP-RESERVE");
    const expiryDate = new Date(Date.now() + 3_600_000).toISOString();
    const reserve = (reservationId: number) =>
      cs.command("CP-RESERVE", "ReserveNow", { connectorId: 1, expiryDate, idTag: "AAA", reservationId });
    expect(await reserve(1)).toEqual({ status: "Accepted" });
    expect(await reserve(2)).toEqual({ status: "Occupied" });
    await cs.until(() => statusesOf("CP-RESERVE", 1).at(-1) === "Reserved");
    expect(await cs.command("CP-RESERVE", "CancelReservation", { reservationId: 1 })).toEqual({
      status: "Accepted",
    });
    expect(await cs.command("CP-RESERVE", "CancelReservation", { reservationId: 1 })).toEqual({
      status: "Rejected",
    });
    await cs.until(() => statusesOf("CP-RESERVE", 1).at(-1) === "Available");
  });

  it("reports diagnostics and firmware progress and answers triggers", async () => {
    await bootedChargePoint("CP-DEVICE");
    const diag = await cs.command("CP-DEVICE", "GetDiagnostics", { location: "ftp://example.com/" });
    expect(diag.fileName).toMatch(/^diagnostics-CP-DEVICE-.*\.zip$/);
    await cs.command("CP-DEVICE", "UpdateFirmware", {
      location: "https://example.com/fw.bin",
      retrieveDate: new Date().toISOString(),
    });
    const progress = (action: string) => cs.callsOf("CP-DEVICE", action).map((c) => c.params.status);
    await cs.until(() => progress("FirmwareStatusNotification").length === 4);
    expect(progress("DiagnosticsStatusNotification")).toEqual(["Uploading", "Uploaded"]);
    expect(progress("FirmwareStatusNotification")).toEqual([
      "Downloading",
      "Downloaded",
      "Installing",
      "Installed",
    ]);
    expect(await cs.command("CP-DEVICE", "TriggerMessage", { requestedMessage: "Heartbeat" })).toEqual({
      status: "Accepted",
    });
    await cs.until(() => cs.callsOf("CP-DEVICE", "Heartbeat")[0]);
    expect(
      await cs.command("CP-DEVICE", "ChangeAvailability", { connectorId: 2, type: "Inoperative" }),
    ).toEqual({
      status: "Accepted",
    });
    await cs.until(() => statusesOf("CP-DEVICE", 2).at(-1) === "Unavailable");
    expect(await cs.command("CP-DEVICE", "DataTransfer", { vendorId: "acme" })).toEqual({
      status: "UnknownVendorId",
    });
    expect(await cs.command("CP-DEVICE", "UnlockConnector", { connectorId: 1 })).toEqual({
      status: "Unlocked",
    });
    expect(await cs.command("CP-DEVICE", "ClearCache", {})).toEqual({ status: "Accepted" });
  });
});
