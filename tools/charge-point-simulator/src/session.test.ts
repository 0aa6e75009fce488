import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createChargePoint, type SimulatedChargePoint } from "./charge-point.ts";
import type { MeterValue } from "./ocpp-types.ts";
import { type CentralSystem, startCentralSystem } from "./test-central-system.ts";

let cs: CentralSystem;
const open: SimulatedChargePoint[] = [];

beforeAll(async () => {
  cs = await startCentralSystem({ passwords: { "CP-AUTH": "s3cret" }, blocked: ["BLOCKED01"] });
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((cp) => cp.close()));
});
afterAll(async () => {
  await cs.close();
});

function chargePoint(identity: string, extra: Partial<Parameters<typeof createChargePoint>[0]> = {}) {
  const cp = createChargePoint({ url: cs.url, identity, ...extra });
  open.push(cp);
  return cp;
}

describe("boot and connection", () => {
  it("boots with its boot data and reports every connector", async () => {
    const cp = chargePoint("CP-BOOT", { serialNumber: "SN-1", firmwareVersion: "2.1.0", connectors: 2 });
    const boot = await cp.start();
    expect(boot.status).toBe("Accepted");
    expect(cs.callsOf("CP-BOOT", "BootNotification")[0]?.params).toEqual({
      chargePointVendor: "Voltlane",
      chargePointModel: "SIM-AC22",
      chargePointSerialNumber: "SN-1",
      firmwareVersion: "2.1.0",
    });
    const statuses = cs
      .callsOf("CP-BOOT", "StatusNotification")
      .map((c) => [c.params.connectorId, c.params.status]);
    expect(statuses).toEqual([
      [0, "Available"],
      [1, "Available"],
      [2, "Available"],
    ]);
    expect(cp.config.get("HeartbeatInterval")).toBe("300");
  });

  it("retries a Pending boot after the interval until Accepted", async () => {
    cs.settings.bootStatus = "Pending";
    cs.settings.bootInterval = 1;
    try {
      const cp = chargePoint("CP-PENDING");
      const booted = cp.start();
      await cs.until(() => cs.callsOf("CP-PENDING", "BootNotification")[0]);
      cs.settings.bootStatus = "Accepted";
      expect((await booted).status).toBe("Accepted");
      expect(cs.callsOf("CP-PENDING", "BootNotification")).toHaveLength(2);
      expect(cp.config.get("HeartbeatInterval")).toBe("1");
    } finally {
      Object.assign(cs.settings, { bootStatus: "Accepted", bootInterval: 300 });
    }
  });

  it("uses HTTP Basic auth and fails on a wrong password", async () => {
    await expect(chargePoint("CP-AUTH", { password: "wrong", reconnect: false }).connect()).rejects.toThrow();
    const cp = chargePoint("CP-AUTH", { password: "s3cret" });
    await cp.connect();
    expect(cp.online).toBe(true);
  });

  it("answers a malformed frame and an unknown action with CALLERRORs via sendRaw", async () => {
    const cp = chargePoint("CP-RAW");
    await cp.connect();
    const malformed = JSON.parse(await cp.sendRaw("[2, this is not json"));
    expect(malformed[0]).toBe(4);
    expect(malformed[2]).toBe("RpcFrameworkError");
    const unknown = JSON.parse(await cp.sendRaw(JSON.stringify([2, "raw-1", "NoSuchAction", {}])));
    expect(unknown.slice(0, 2)).toEqual([4, "raw-1"]);
    expect(["NotImplemented", "NotSupported", "ProtocolError"]).toContain(unknown[2]);
  });
});

describe("runSession", () => {
  it("sends the realistic sequence with an exact final meter and all measurands", async () => {
    const cp = chargePoint("CP-SESSION", { initialMeterWh: 1_000_000 });
    await cp.start();
    const result = await cp.runSession({
      connectorId: 1,
      idTag: "04A1B2C3D4",
      energyWh: 7_777,
      durationS: 3_600,
      powerW: 11_000,
      sampleEveryS: 300,
      timeScale: 36_000,
    });
    expect(result).toMatchObject({
      status: "Accepted",
      meterStart: 1_000_000,
      meterStop: 1_007_777,
      energyWh: 7_777,
    });
    const frames = cs.callsOf("CP-SESSION").slice(4); // after boot + 3 status notifications
    const sequence = frames.map((c) => (c.action === "StatusNotification" ? c.params.status : c.action));
    expect(dedupe(sequence)).toEqual([
      "Authorize",
      "Preparing",
      "StartTransaction",
      "Charging",
      "MeterValues",
      "SuspendedEV",
      "Finishing",
      "StopTransaction",
      "Available",
    ]);
    const stop = cs.callsOf("CP-SESSION", "StopTransaction")[0]!.params;
    expect(stop).toMatchObject({
      transactionId: result.transactionId,
      meterStop: 1_007_777,
      reason: "Local",
    });
    expect((stop.transactionData as MeterValue[]).map((m) => m.sampledValue[0]?.value)).toEqual([
      "1000000",
      "1007777",
    ]);
    // One hour of simulated time passes between start and stop, whatever the real time was.
    const start = cs.callsOf("CP-SESSION", "StartTransaction")[0]!.params;
    expect(Date.parse(stop.timestamp as string) - Date.parse(start.timestamp as string)).toBe(3_600_000);

    const samples = meterSamples(cs, "CP-SESSION");
    const registers = samples.map((s) => Number(value(s, "Energy.Active.Import.Register")));
    expect(registers).toEqual([...registers].sort((a, b) => a - b));
    expect(registers.at(-1)).toBe(1_007_777);
    const measurands = new Set(
      samples.flatMap((s) => s.sampledValue.map((v) => `${v.measurand}:${v.phase ?? ""}`)),
    );
    for (const m of [
      "Power.Active.Import:",
      "Current.Import:L1",
      "Current.Import:L3",
      "Voltage:L2-N",
      "SoC:",
    ]) {
      expect(measurands).toContain(m);
    }
    expect(Number(value(samples[0]!, "Power.Active.Import"))).toBe(11_000);
  });

  it("keeps the register monotonic across sessions on the same connector", async () => {
    const cp = chargePoint("CP-MONO");
    await cp.start();
    const options = {
      connectorId: 2,
      idTag: "04A1B2C3D5",
      durationS: 600,
      timeScale: 60_000,
      sampleEveryS: 120,
    };
    const first = await cp.runSession({ ...options, energyWh: 1_234 });
    const second = await cp.runSession({ ...options, energyWh: 4_321 });
    expect(second.meterStart).toBe(first.meterStop);
    expect(second.meterStop).toBe(1_234 + 4_321);
    expect(second.transactionId).not.toBe(first.transactionId);
  });

  it("stops at Authorize when the card is refused", async () => {
    const cp = chargePoint("CP-BLOCKED");
    await cp.start();
    const result = await cp.runSession({
      connectorId: 1,
      idTag: "BLOCKED01",
      energyWh: 1_000,
      durationS: 60,
    });
    expect(result).toEqual({ status: "Blocked", energyWh: 0 });
    expect(cs.callsOf("CP-BLOCKED", "StartTransaction")).toHaveLength(0);
  });
});

function dedupe(items: unknown[]): unknown[] {
  return items.filter((item, i) => item !== items[i - 1]);
}

function meterSamples(system: CentralSystem, identity: string): MeterValue[] {
  return system.callsOf(identity, "MeterValues").flatMap((c) => c.params.meterValue as MeterValue[]);
}

function value(sample: MeterValue, measurand: string): string | undefined {
  return sample.sampledValue.find((v) => v.measurand === measurand)?.value;
}
