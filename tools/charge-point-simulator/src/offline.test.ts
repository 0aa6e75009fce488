import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createChargePoint, type SimulatedChargePoint } from "./charge-point.ts";
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

const PAST = new Date("2026-01-05T08:00:00.000Z");

describe("offline queue", () => {
  it("queues a whole offline session and flushes it in order with original timestamps and the real id", async () => {
    const cp = createChargePoint({ url: cs.url, identity: "CP-OFFLINE", clock: () => PAST });
    open.push(cp);
    await cp.start();
    await cp.authorize("04A1B2C3D4"); // fills the authorization cache used while offline
    await cp.disconnect();
    await cs.until(() => !cs.isConnected("CP-OFFLINE"));
    const before = cs.callsOf("CP-OFFLINE").length;

    const result = await cp.runSession({
      connectorId: 1,
      idTag: "04A1B2C3D4",
      energyWh: 5_000,
      durationS: 1_800,
      sampleEveryS: 600,
      timeScale: 100_000,
    });
    expect(result.transactionId).toBeLessThan(0); // provisional while nothing reached the server
    expect(cs.callsOf("CP-OFFLINE")).toHaveLength(before);
    expect(cp.queuedMessages).toBeGreaterThan(5);

    await cp.reconnect();
    expect(cp.queuedMessages).toBe(0);
    const flushed = cs.callsOf("CP-OFFLINE").slice(before);
    const actions = flushed.map((c) => (c.action === "StatusNotification" ? c.params.status : c.action));
    expect(actions.filter((a, i) => a !== actions[i - 1])).toEqual([
      "Preparing",
      "StartTransaction",
      "Charging",
      "MeterValues",
      "Finishing",
      "StopTransaction",
      "Available",
    ]);
    const start = flushed.find((c) => c.action === "StartTransaction")!.params;
    const stop = flushed.find((c) => c.action === "StopTransaction")!.params;
    expect(start.timestamp).toBe(PAST.toISOString());
    expect(Date.parse(stop.timestamp as string) - PAST.getTime()).toBe(1_800_000);
    const realId = cp.resolveTransactionId(result.transactionId!);
    expect(realId).toBeGreaterThanOrEqual(1000);
    expect(stop).toMatchObject({ transactionId: realId, meterStop: 5_000 });
    for (const call of flushed.filter((c) => c.action === "MeterValues")) {
      expect(call.params.transactionId).toBe(realId);
    }
  });

  it("keeps sending a running session after a dropped connection, in order", async () => {
    const cp = createChargePoint({ url: cs.url, identity: "CP-DROP" });
    open.push(cp);
    await cp.start();
    const session = cp.runSession({
      connectorId: 2,
      idTag: "04A1B2C3D5",
      energyWh: 6_000,
      durationS: 3_600,
      sampleEveryS: 60,
      timeScale: 3_000, // a sample every 20 ms
    });
    await cs.until(() => cs.callsOf("CP-DROP", "MeterValues").length >= 3);
    await cp.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(cp.queuedMessages).toBeGreaterThan(0);
    await cp.reconnect();
    const result = await session;
    await cs.until(() => cs.callsOf("CP-DROP", "StopTransaction")[0]);
    const samples = cs.callsOf("CP-DROP", "MeterValues").flatMap((c) => c.params.meterValue as MeterValue[]);
    const times = samples.map((s) => Date.parse(s.timestamp));
    const registers = samples.map((s) => Number(s.sampledValue[0]?.value));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(registers).toEqual([...registers].sort((a, b) => a - b));
    expect(registers.at(-1)).toBe(6_000);
    expect(cs.callsOf("CP-DROP", "StopTransaction")[0]?.params).toMatchObject({
      transactionId: result.transactionId,
      meterStop: 6_000,
    });
  });

  it("reconnects by itself after the server drops it", async () => {
    const cp = createChargePoint({ url: cs.url, identity: "CP-AUTO", reconnectDelayMs: 20 });
    open.push(cp);
    await cp.start();
    await cs.drop("CP-AUTO");
    await cs.until(() => !cp.online);
    await cs.until(() => cp.online && cs.isConnected("CP-AUTO"));
    expect((await cs.command("CP-AUTO", "GetLocalListVersion", {})).listVersion).toBe(0);
  });
});
