#!/usr/bin/env -S npx tsx
import { parseArgs } from "node:util";
import { createFleet, type FleetEvent } from "./fleet.ts";

const HELP = `Voltlane charge point simulator (OCPP 1.6J)

Usage: npm run simulate -- [options]

  --url <ws-url>        central system endpoint, identity is appended   (ws://127.0.0.1:3000/ocpp)
  --count <n>           number of charge points                          (1)
  --prefix <text>       identity prefix: SIM → SIM001, SIM002…           (SIM)
  --password <secret>   HTTP Basic auth password for every charge point  (none)
  --cards <a,b,…>       idTags (RFID UIDs) drivers swipe                 (04A1B2C3D4)
  --sessions <n>        sessions per charge point, then stop             (unlimited)
  --time-scale <x>      simulated seconds per real second                (60)
  --connectors <n>      connectors per charge point                      (2)
  --energy <min-max>    energy per session in Wh                         (2000-30000)
  --duration <min-max>  plugged-in time per session in seconds           (1800-14400)
  --pause <min-max>     simulated seconds between sessions               (30-300)
  --verbose             print every OCPP frame
  --help                show this text

Ctrl-C stops every session (StopTransaction reason Local) and closes the sockets.
`;

function range(text: string, name: string): [number, number] {
  const parts = text.split("-").map(Number);
  const min = parts[0] ?? Number.NaN;
  const max = parts[1] ?? min;
  if (!Number.isFinite(min) || !Number.isFinite(max) || max < min) {
    throw new Error(`--${name} must look like 1000-5000`);
  }
  return [min, max];
}

function positive(text: string, name: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

function describe(event: FleetEvent): string {
  switch (event.type) {
    case "online":
      return `${event.identity} online, boot ${event.status}`;
    case "session": {
      const r = event.result;
      if (r.transactionId === undefined)
        return `${event.identity} #${event.connectorId} ${event.idTag} refused: ${r.status}`;
      return `${event.identity} #${event.connectorId} ${event.idTag} tx ${r.transactionId}: ${r.energyWh} Wh (${r.meterStart} → ${r.meterStop}), ${r.stopReason}`;
    }
    case "error":
      return `${event.identity} error: ${event.error instanceof Error ? event.error.message : String(event.error)}`;
    case "done":
      return `${event.identity} done`;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      url: { type: "string", default: "ws://127.0.0.1:3000/ocpp" },
      count: { type: "string", default: "1" },
      prefix: { type: "string", default: "SIM" },
      password: { type: "string" },
      cards: { type: "string", default: "04A1B2C3D4" },
      sessions: { type: "string" },
      "time-scale": { type: "string", default: "60" },
      connectors: { type: "string", default: "2" },
      energy: { type: "string", default: "2000-30000" },
      duration: { type: "string", default: "1800-14400" },
      pause: { type: "string", default: "30-300" },
      verbose: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 23)} ${line}`);
  const fleet = createFleet({
    url: values.url,
    count: positive(values.count, "count"),
    identityPrefix: values.prefix,
    password: values.password,
    cards: values.cards
      .split(",")
      .map((c) => c.trim())
      .filter(Boolean),
    sessionsPerChargePoint: values.sessions === undefined ? undefined : positive(values.sessions, "sessions"),
    timeScale: positive(values["time-scale"], "time-scale"),
    connectors: positive(values.connectors, "connectors"),
    energyWh: range(values.energy, "energy"),
    durationS: range(values.duration, "duration"),
    pauseS: range(values.pause, "pause"),
    reconnect: true,
    onEvent: (event) => log(describe(event)),
    log: values.verbose
      ? (direction, frame) => log(`${direction === "out" ? "→" : "←"} ${frame}`)
      : undefined,
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    log("stopping…");
    await fleet.stop();
    log(`stats ${JSON.stringify(fleet.stats())}`);
  };
  process.once("SIGINT", () => void stop().then(() => process.exit(0)));
  process.once("SIGTERM", () => void stop().then(() => process.exit(0)));

  await fleet.start();
  await fleet.finished();
  await stop();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
