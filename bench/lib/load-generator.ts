import { performance } from "node:perf_hooks";
import { RPCClient } from "ocpp-rpc";
import { percentile } from "./stats";

/**
 * A lean OCPP 1.6J load generator, run as its own process (child_process.fork) so that it does not
 * share an event loop with the server. Plain ocpp-rpc clients with strict mode off (the server side
 * validates); at most one call in flight per charge point. Driven by IPC commands from the bench.
 */
export type LoadCommand =
  | { cmd: "connect"; url: string; chargePoints: { id: string; idTag: string }[]; concurrency: number }
  | { cmd: "start-transactions" }
  | { cmd: "meter-values"; durationMs: number; ratePerSecond?: number }
  | { cmd: "heartbeats"; everyMs: number }
  | { cmd: "stats" }
  | { cmd: "close" };

export type MeterValuesResult = {
  acked: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
};

type Client = {
  rpc: RPCClient;
  id: string;
  idTag: string;
  transactionId?: number;
  meterWh: number;
};

const clients: Client[] = [];
const heartbeatTimers: NodeJS.Timeout[] = [];
const heartbeats = { ok: 0, failed: 0 };

const reply = (message: unknown) => process.send?.(message);

process.on("message", (message: LoadCommand) => {
  handle(message).then(reply, (error: unknown) =>
    reply({ error: error instanceof Error ? error.stack : String(error) }),
  );
});

async function handle(message: LoadCommand): Promise<unknown> {
  switch (message.cmd) {
    case "connect":
      return connectAll(message);
    case "start-transactions":
      return startTransactions();
    case "meter-values":
      return meterValues(message.durationMs, message.ratePerSecond);
    case "heartbeats":
      return startHeartbeats(message.everyMs);
    case "stats":
      return { clients: clients.length, open: clients.filter((c) => c.rpc.state === 1).length, heartbeats };
    case "close":
      for (const t of heartbeatTimers) clearInterval(t);
      await Promise.allSettled(clients.map((c) => c.rpc.close({ force: true })));
      setImmediate(() => process.exit(0));
      return { closed: clients.length };
  }
}

/** Connects and boots every charge point, `concurrency` at a time. */
async function connectAll(message: Extract<LoadCommand, { cmd: "connect" }>) {
  const started = performance.now();
  let failed = 0;
  let firstError: string | undefined;
  const queue = [...message.chargePoints];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const rpc = new RPCClient({
        endpoint: message.url,
        identity: next.id,
        protocols: ["ocpp1.6"],
        strictMode: false,
        reconnect: false,
        callTimeoutMs: 60_000,
        // The server pings (30 s); client pings only add work, and time out when the box is overloaded.
        pingIntervalMs: 0,
      } as ConstructorParameters<typeof RPCClient>[0]);
      rpc.on("error", () => {});
      try {
        await rpc.connect();
        await rpc.call("BootNotification", { chargePointVendor: "Bench", chargePointModel: "Lean" });
        clients.push({ rpc, id: next.id, idTag: next.idTag, meterWh: 0 });
      } catch (error) {
        failed++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: message.concurrency }, worker));
  return { connected: clients.length, failed, firstError, seconds: (performance.now() - started) / 1000 };
}

async function startTransactions() {
  const statuses: Record<string, number> = {};
  await Promise.all(
    clients.map(async (c) => {
      const res = (await c.rpc.call("StartTransaction", {
        connectorId: 1,
        idTag: c.idTag,
        meterStart: 0,
        timestamp: new Date().toISOString(),
      })) as { transactionId: number; idTagInfo: { status: string } };
      c.transactionId = res.transactionId;
      statuses[res.idTagInfo.status] = (statuses[res.idTagInfo.status] ?? 0) + 1;
    }),
  );
  return { statuses };
}

/** Six sampled values, as a three-phase AC charger sends them every sample interval. */
export const VALUES_PER_MESSAGE = 6;

function meterValuesParams(c: Client) {
  c.meterWh += 37;
  const phase = (p: string) => ({ value: "15.8", measurand: "Current.Import", unit: "A", phase: p });
  return {
    connectorId: 1,
    transactionId: c.transactionId,
    meterValue: [
      {
        timestamp: new Date().toISOString(),
        sampledValue: [
          { value: String(c.meterWh), measurand: "Energy.Active.Import.Register", unit: "Wh" },
          { value: "10950", measurand: "Power.Active.Import", unit: "W" },
          phase("L1"),
          phase("L2"),
          phase("L3"),
          { value: "57", measurand: "SoC", unit: "Percent" },
        ],
      },
    ],
  };
}

/**
 * Every client sends MeterValues back to back (saturation), or paced so that all clients together
 * send `ratePerSecond`. Latency is measured from the send to the CALLRESULT.
 */
async function meterValues(durationMs: number, ratePerSecond?: number): Promise<MeterValuesResult> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const until = started + durationMs;
  const interval = ratePerSecond ? (clients.length / ratePerSecond) * 1000 : 0;
  await Promise.all(
    clients.map(async (c) => {
      let due = started + Math.random() * interval;
      while (true) {
        if (interval) {
          const wait = due - performance.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          due += interval;
        }
        const sent = performance.now();
        if (sent >= until) return;
        try {
          await c.rpc.call("MeterValues", meterValuesParams(c));
          latencies.push(performance.now() - sent);
        } catch {
          errors++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  return {
    acked: latencies.length,
    errors,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? 0,
  };
}

/** Idle charge points: a Heartbeat every `everyMs`, spread evenly over the interval. */
async function startHeartbeats(everyMs: number) {
  clients.forEach((c, i) => {
    const first = setTimeout(
      () => {
        const beat = () =>
          void c.rpc.call("Heartbeat", {}).then(
            () => heartbeats.ok++,
            () => heartbeats.failed++,
          );
        beat();
        heartbeatTimers.push(setInterval(beat, everyMs));
      },
      (i / clients.length) * everyMs,
    );
    heartbeatTimers.push(first);
  });
  return { clients: clients.length };
}
