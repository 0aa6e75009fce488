import { performance } from "node:perf_hooks";
import { RPCClient } from "ocpp-rpc";
import { percentile } from "../lib/stats";

/**
 * Idle charge points for `bench:connections`, in their own process (child_process.fork): plain
 * ocpp-rpc clients (strict mode off: the server validates), BootNotification on connect, then a
 * Heartbeat every interval. Measures what an idle fleet asks of the server: connect time per charge
 * point and heartbeat round trips (answered, failed, still waiting).
 */
export type FleetCommand =
  | { cmd: "connect"; url: string; ids: string[]; concurrency: number }
  | { cmd: "heartbeats"; everyMs: number }
  | { cmd: "stats" }
  | { cmd: "close" };

export type ConnectResult = {
  connected: number;
  failed: number;
  firstError?: string;
  seconds: number;
  /** Upgrade + BootNotification round trip per charge point (ms). */
  p50: number;
  p99: number;
};

export type FleetStats = {
  open: number;
  heartbeats: {
    sent: number;
    ok: number;
    failed: number;
    waiting: number;
    p50: number;
    p99: number;
    max: number;
  };
  /** Charge points with at least one answered Heartbeat. */
  beating: number;
};

type Client = { rpc: RPCClient; beats: number; timer?: NodeJS.Timeout };
const clients: Client[] = [];
const latencies: number[] = [];
const counts = { sent: 0, ok: 0, failed: 0 };

process.on("message", (message: FleetCommand) => {
  handle(message).then(
    (answer) => process.send?.(answer),
    (error: unknown) => process.send?.({ error: error instanceof Error ? error.stack : String(error) }),
  );
});

async function handle(message: FleetCommand): Promise<unknown> {
  switch (message.cmd) {
    case "connect":
      return connectAll(message.url, message.ids, message.concurrency);
    case "heartbeats":
      startHeartbeats(message.everyMs);
      return { clients: clients.length };
    case "stats":
      return stats();
    case "close":
      for (const c of clients) clearTimeout(c.timer);
      await Promise.allSettled(clients.map((c) => c.rpc.close({ force: true })));
      setImmediate(() => process.exit(0));
      return { closed: clients.length };
  }
}

async function connectAll(url: string, ids: string[], concurrency: number): Promise<ConnectResult> {
  const started = performance.now();
  const took: number[] = [];
  let failed = 0;
  let firstError: string | undefined;
  const queue = [...ids];
  const worker = async () => {
    for (let id = queue.shift(); id; id = queue.shift()) {
      const rpc = new RPCClient({
        endpoint: url,
        identity: id,
        protocols: ["ocpp1.6"],
        strictMode: false,
        reconnect: false,
        callTimeoutMs: 120_000,
        // The server pings (30 s); client pings only add work, and time out when the box is overloaded.
        pingIntervalMs: 0,
      } as ConstructorParameters<typeof RPCClient>[0]);
      rpc.on("error", () => {});
      const t0 = performance.now();
      try {
        await rpc.connect();
        await rpc.call("BootNotification", { chargePointVendor: "Bench", chargePointModel: "Idle" });
        took.push(performance.now() - t0);
        clients.push({ rpc, beats: 0 });
      } catch (error) {
        failed++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const sorted = Float64Array.from(took).sort();
  return {
    connected: clients.length,
    failed,
    firstError,
    seconds: (performance.now() - started) / 1000,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
  };
}

/** A Heartbeat from every charge point every `everyMs`, the fleet spread evenly over the interval. */
function startHeartbeats(everyMs: number) {
  clients.forEach((c, i) => {
    const beat = () => {
      counts.sent++;
      const t0 = performance.now();
      c.rpc.call("Heartbeat", {}).then(
        () => {
          counts.ok++;
          c.beats++;
          latencies.push(performance.now() - t0);
        },
        () => counts.failed++,
      );
      c.timer = setTimeout(beat, everyMs);
    };
    c.timer = setTimeout(beat, (i / clients.length) * everyMs);
  });
}

function stats(): FleetStats {
  const sorted = Float64Array.from(latencies).sort();
  return {
    open: clients.filter((c) => c.rpc.state === 1).length,
    heartbeats: {
      ...counts,
      waiting: counts.sent - counts.ok - counts.failed,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? 0,
    },
    beating: clients.filter((c) => c.beats > 0).length,
  };
}
