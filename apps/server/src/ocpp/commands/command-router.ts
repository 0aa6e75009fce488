import { AppError } from "@voltlane/core";
import type { OcppClient } from "../rpc-server";

/** Sends a CS→CP call to wherever the charge point is connected, and returns its CALLRESULT. */
export type CommandRouter = {
  send: (chargePointId: string, action: string, params: unknown, timeoutMs: number) => Promise<unknown>;
  /** The connection on this process comes and goes. */
  attach: (chargePointId: string, client: OcppClient) => Promise<void>;
  detach: (chargePointId: string, client: OcppClient) => Promise<void>;
  /** Heartbeats keep presence fresh (multi-process routing). */
  touch: (chargePointId: string) => Promise<void>;
  /** Connected to this or (with Redis) any other process. */
  isConnected: (chargePointId: string) => Promise<boolean>;
  close: () => Promise<void>;
};

/** Calls a locally connected client, mapping RPC failures to the HTTP contract's errors. */
export async function callLocal(client: OcppClient, action: string, params: unknown, timeoutMs: number) {
  try {
    return await client.call(action, params, { callTimeoutMs: timeoutMs });
  } catch (error) {
    const name = (error as { name?: string; constructor?: { name?: string } })?.constructor?.name;
    if (name === "TimeoutError")
      throw new AppError("charge_point_timeout", "the charge point did not answer in time");
    const rpc = error as { rpcErrorCode?: string; message?: string };
    if (rpc?.rpcErrorCode) {
      throw new AppError(
        "business_rule",
        `the charge point answered ${rpc.rpcErrorCode}: ${rpc.message ?? ""}`,
        {
          rule: "ocpp_call_error",
          ocppErrorCode: rpc.rpcErrorCode,
        },
      );
    }
    throw new AppError("charge_point_offline", "the charge point is not connected");
  }
}

/** One process: connections live in a map. */
export function createLocalCommandRouter(): CommandRouter {
  const clients = new Map<string, OcppClient>();
  return {
    async send(chargePointId, action, params, timeoutMs) {
      const client = clients.get(chargePointId);
      if (!client) throw new AppError("charge_point_offline", "the charge point is not connected");
      return callLocal(client, action, params, timeoutMs);
    },
    async attach(chargePointId, client) {
      clients.set(chargePointId, client);
    },
    async detach(chargePointId, client) {
      if (clients.get(chargePointId) === client) clients.delete(chargePointId);
    },
    async touch() {},
    isConnected: async (chargePointId) => clients.has(chargePointId),
    async close() {
      clients.clear();
    },
  };
}
