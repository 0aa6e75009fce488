import { createChargePoint } from "@voltlane/charge-point-simulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../../../test/helpers/test-server";
import { loginDemoApi } from "./demo-api";
import { demoChargePointPassword, demoLogins, demoPassword, seedDemo } from "./seed-demo";

describe("the demo world (npm run demo)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("is seeded through the API once, and its charge points run sessions that its customers see", async () => {
    const api = await loginDemoApi(server.url, server.admin.email, server.admin.password);
    const world = await seedDemo(api);
    // A second seed (a restart of the demo) adds nothing.
    await seedDemo(api);
    const admin = await server.login(server.admin.email, server.admin.password);
    expect((await admin.get("/api/v1/customers?q=Acme&type=company")).body.total).toBe(1);

    const url = `${server.url.replace("http", "ws")}/ocpp`;
    for (const spec of world.chargePoints) {
      const cp = createChargePoint({
        url,
        identity: spec.id,
        password: demoChargePointPassword,
        connectors: 1,
      });
      await cp.start();
      const result = await cp.runSession({
        connectorId: 1,
        idTag: spec.cards[0]!,
        energyWh: 7_500,
        durationS: 3_600,
        timeScale: 7_200,
      });
      expect(result.status).toBe("Accepted");
      await cp.close();
    }
    const all = await admin.get("/api/v1/transactions");
    expect(all.body.total).toBe(3);
    expect(all.body.items.every((t: { energyWh: number }) => t.energyWh === 7_500)).toBe(true);

    for (const login of demoLogins) {
      const client = await server.login(login.email, demoPassword);
      const own = await client.get("/api/v1/transactions");
      expect(own.status).toBe(200);
      expect(own.body.total).toBeGreaterThan(0);
    }
  }, 120_000);
});
