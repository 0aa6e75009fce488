import { createChargePoint, type SimulatedChargePoint } from "@voltlane/charge-point-simulator";
import { loadConfig } from "./config";
import { loginDemoApi } from "./demo/demo-api";
import { demoChargePointPassword, demoLogins, demoPassword, seedDemo } from "./demo/seed-demo";
import { serverExtensions } from "./extensions";
import { startServer } from "./start-server";

const adminEmail = process.env.ADMIN_EMAIL ?? "admin@voltlane.demo";
const adminPassword = process.env.ADMIN_PASSWORD ?? "voltlane-demo-admin";

/**
 * `npm run demo`: the real server on its own data directory, seeded through the API, with simulated
 * charge points that keep producing sessions (an hour of charging every ~30 s).
 */
async function main() {
  const config = loadConfig({
    LOG_LEVEL: "warn",
    ...process.env,
    DATA_DIR: process.env.DATA_DIR ?? "./data/demo",
    ADMIN_EMAIL: adminEmail,
    ADMIN_PASSWORD: adminPassword,
  });
  const server = await startServer(config, { extensions: serverExtensions });
  const api = await loginDemoApi(server.url, adminEmail, adminPassword);
  const world = await seedDemo(api);
  const wsUrl = `${server.url.replace("http", "ws")}/ocpp`;
  const chargePoints: SimulatedChargePoint[] = [];
  let stopping = false;
  for (const spec of world.chargePoints) {
    const cp = createChargePoint({
      url: wsUrl,
      identity: spec.id,
      password: demoChargePointPassword,
      connectors: spec.id === "EVA-HOME" ? 1 : 2,
      vendor: "Voltlane",
      model: "Demo AC22",
    });
    await cp.start();
    chargePoints.push(cp);
    void keepCharging(cp, spec.cards, () => stopping);
  }
  const port = new URL(server.url).port;
  process.stdout.write(
    [
      "",
      `Voltlane demo running at http://localhost:${port}`,
      `  ${"system user".padEnd(26)}${adminEmail} / ${adminPassword}`,
      ...demoLogins.map((l) => `  ${l.role.padEnd(26)}${l.email} / ${demoPassword}`),
      `  ${"charge points".padEnd(26)}${world.chargePoints.map((c) => c.id).join(", ")} (OCPP ${wsUrl}/<id>)`,
      "Press Ctrl-C to stop.",
      "",
    ].join("\n"),
  );
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.allSettled(chargePoints.map((cp) => cp.stopAllSessions("Local").then(() => cp.close())));
    await server.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

/** One connector after another: a driver plugs in, charges for a simulated hour or two, leaves. */
async function keepCharging(cp: SimulatedChargePoint, cards: string[], stopped: () => boolean) {
  let n = 0;
  while (!stopped()) {
    const idTag = cards[n++ % cards.length]!;
    try {
      await cp.runSession({
        connectorId: 1,
        idTag,
        energyWh: 4_000 + Math.floor(Math.random() * 20_000),
        durationS: 3_600 + Math.floor(Math.random() * 3_600),
        timeScale: 180,
      });
    } catch (error) {
      if (!stopped()) process.stderr.write(`demo session on ${cp.identity}: ${String(error)}\n`);
    }
    await new Promise((r) => setTimeout(r, 5_000));
  }
}

main().catch((error) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
