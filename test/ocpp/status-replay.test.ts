import { connectorStatusEvents, connectors } from "@voltlane/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { aChargingSite, simulator } from "./ocpp-fixtures";

describe("StatusNotification replays from an offline queue", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("an older replayed status never overwrites a newer current one, but joins the history", async () => {
    const site = await aChargingSite(server);
    const cp = simulator(server, site.chargePointId, { password: site.password });
    await cp.start();
    const now = Date.now();
    await cp.statusNotification(1, "Faulted", "GroundFailure", new Date(now));
    await cp.statusNotification(1, "Charging", "NoError", new Date(now - 60_000));
    const [row] = await server.core.db
      .select()
      .from(connectors)
      .where(and(eq(connectors.chargePointId, site.chargePointId), eq(connectors.connectorId, 1)));
    expect(row).toMatchObject({ status: "Faulted", errorCode: "GroundFailure" });
    const history = await server.core.db
      .select()
      .from(connectorStatusEvents)
      .where(
        and(
          eq(connectorStatusEvents.chargePointId, site.chargePointId),
          eq(connectorStatusEvents.connectorId, 1),
        ),
      );
    expect(history.map((e) => e.status)).toContain("Charging");
    // A newer one still moves it.
    await cp.statusNotification(1, "Available", "NoError", new Date(now + 1_000));
    const [after] = await server.core.db
      .select()
      .from(connectors)
      .where(and(eq(connectors.chargePointId, site.chargePointId), eq(connectors.connectorId, 1)));
    expect(after!.status).toBe("Available");
    await cp.close();
  });
});
