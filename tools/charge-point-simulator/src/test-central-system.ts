import type { AddressInfo } from "node:net";
import { RPCServer } from "ocpp-rpc";

/** A call the central system received from a charge point. */
export interface RecordedCall {
  identity: string;
  action: string;
  params: Record<string, unknown>;
}

interface ServerClient {
  identity: string;
  call(method: string, params: unknown): Promise<unknown>;
  handle(handler: (call: { method: string; params: Record<string, unknown> }) => unknown): void;
  once(event: string, listener: () => void): void;
  close(options: { force?: boolean }): Promise<unknown>;
}

export interface CentralSystemOptions {
  /** identity → password; identities not listed connect without one. */
  passwords?: Record<string, string>;
  bootStatus?: "Accepted" | "Pending" | "Rejected";
  bootInterval?: number;
  /** idTags answered Blocked by Authorize and StartTransaction. */
  blocked?: string[];
}

/**
 * A minimal in-test OCPP 1.6 central system on a free loopback port: strict schema validation, a
 * record of every call, and helpers to send commands to a connected charge point.
 */
export async function startCentralSystem(options: CentralSystemOptions = {}) {
  const server = new RPCServer({ protocols: ["ocpp1.6"], strictMode: true });
  const calls: RecordedCall[] = [];
  const clients = new Map<string, ServerClient>();
  const waiters: Array<() => void> = [];
  let nextTransactionId = 1000;
  const settings = {
    bootStatus: options.bootStatus ?? "Accepted",
    bootInterval: options.bootInterval ?? 300,
  };

  server.auth((accept, reject, handshake) => {
    const expected = options.passwords?.[handshake.identity];
    if (expected !== undefined && handshake.password?.toString() !== expected) {
      reject(401, "Unauthorized");
      return;
    }
    accept({});
  });

  const answer = (action: string, params: Record<string, unknown>): unknown => {
    const idTagInfo = { status: options.blocked?.includes(params.idTag as string) ? "Blocked" : "Accepted" };
    const now = new Date().toISOString();
    switch (action) {
      case "BootNotification":
        return { status: settings.bootStatus, currentTime: now, interval: settings.bootInterval };
      case "Heartbeat":
        return { currentTime: now };
      case "Authorize":
        return { idTagInfo };
      case "StartTransaction":
        return { transactionId: nextTransactionId++, idTagInfo };
      case "StopTransaction":
        return { idTagInfo: { status: "Accepted" } };
      case "DataTransfer":
        return { status: "Accepted" };
      default:
        return {};
    }
  };

  server.on("client", (raw: unknown) => {
    const client = raw as ServerClient;
    clients.set(client.identity, client);
    client.once("close", () => {
      if (clients.get(client.identity) === client) clients.delete(client.identity);
    });
    client.handle(({ method, params }) => {
      calls.push({ identity: client.identity, action: method, params });
      for (const wake of waiters.splice(0)) wake();
      return answer(method, params);
    });
    for (const wake of waiters.splice(0)) wake();
  });

  const http = await server.listen(0, "127.0.0.1");
  const { port } = http.address() as AddressInfo;

  /** Resolves once `check` holds, re-checking whenever a call or connection arrives. */
  async function until<T>(check: () => T | undefined | false, timeoutMs = 5_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value) return value;
      if (Date.now() > deadline) throw new Error("Timed out waiting in the test central system");
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  return {
    url: `ws://127.0.0.1:${port}/ocpp`,
    calls,
    settings,
    until,
    callsOf: (identity: string, action?: string) =>
      calls.filter((c) => c.identity === identity && (action === undefined || c.action === action)),
    /** Sends a CS→CP command and returns the charge point's answer. */
    async command(
      identity: string,
      action: string,
      params: Record<string, unknown>,
    ): Promise<Record<string, unknown>> {
      const client = await until(() => clients.get(identity));
      return (await client.call(action, params)) as Record<string, unknown>;
    },
    isConnected: (identity: string) => clients.has(identity),
    /** Kills the charge point's socket from the server side, as a crashed CS would. */
    async drop(identity: string): Promise<void> {
      const client = await until(() => clients.get(identity));
      await client.close({ force: true });
    },
    async close() {
      await server.close({ force: true });
    },
  };
}

export type CentralSystem = Awaited<ReturnType<typeof startCentralSystem>>;
