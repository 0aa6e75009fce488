import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFleet } from "./fleet.ts";
import { type CentralSystem, startCentralSystem } from "./test-central-system.ts";

let cs: CentralSystem;

beforeAll(async () => {
  cs = await startCentralSystem({ passwords: { FLEET001: "pw", FLEET002: "pw", FLEET003: "pw" } });
});
afterAll(async () => {
  await cs.close();
});

describe("createFleet", () => {
  it("runs the requested sessions on every charge point and counts them", async () => {
    const cards = ["04A1B2C3D4", "04A1B2C3D5"];
    const fleet = createFleet({
      count: 3,
      url: cs.url,
      identityPrefix: "FLEET",
      password: "pw",
      cards,
      sessionsPerChargePoint: 2,
      timeScale: 100_000,
      energyWh: [1_000, 2_000],
      durationS: [600, 1_200],
      pauseS: [0, 60],
      sampleEveryS: 300,
    });
    await fleet.start();
    await fleet.finished();
    const stats = fleet.stats();
    await fleet.stop();
    expect(stats).toMatchObject({ chargePoints: 3, online: 3, sessionsCompleted: 6, errors: 0 });
    expect(stats.energyWh).toBeGreaterThanOrEqual(6_000);
    expect(stats.messagesSent).toBeGreaterThan(6 * 8);
    for (const identity of ["FLEET001", "FLEET002", "FLEET003"]) {
      const stops = cs.callsOf(identity, "StopTransaction");
      expect(stops).toHaveLength(2);
      const idTags = cs.callsOf(identity, "StartTransaction").map((c) => c.params.idTag);
      expect(idTags.every((t) => cards.includes(t as string))).toBe(true);
    }
  });
});
