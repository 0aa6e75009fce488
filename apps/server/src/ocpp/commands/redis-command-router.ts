import { randomUUID } from "node:crypto";
import { AppError } from "@voltlane/core";
import { Redis } from "ioredis";
import type { OcppClient } from "../rpc-server";
import { type CommandRouter, callLocal, createLocalCommandRouter } from "./command-router";

const presenceKey = (chargePointId: string) => `voltlane:cp:${chargePointId}`;
const channelOf = (processId: string) => `voltlane:proc:${processId}`;
/** Presence outlives a few missed heartbeats, then expires so a dead process stops attracting commands. */
const PRESENCE_TTL_S = 900;

type Request = {
  kind: "request";
  id: string;
  replyTo: string;
  chargePointId: string;
  action: string;
  params: unknown;
  timeoutMs: number;
};
type Response =
  | { kind: "response"; id: string; ok: true; result: unknown }
  | {
      kind: "response";
      id: string;
      ok: false;
      code: string;
      message: string;
      details?: unknown;
    };

/**
 * Several processes (ARCHITECTURE.md "Scale"): a presence key maps a charge point to the process that
 * holds its websocket; each process listens on its own channel; a command for a charge point elsewhere
 * is published to that process's channel and the answer comes back on the sender's channel.
 */
export async function createRedisCommandRouter(redisUrl: string): Promise<CommandRouter> {
  const processId = randomUUID();
  const local = createLocalCommandRouter();
  const clients = new Map<string, OcppClient>();
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2 });
  const subscriber = new Redis(redisUrl, { lazyConnect: true });
  redis.on("error", () => {});
  subscriber.on("error", () => {});
  await Promise.all([redis.connect(), subscriber.connect()]);
  const pending = new Map<string, { resolve: (r: Response) => void; timer: NodeJS.Timeout }>();

  await subscriber.subscribe(channelOf(processId));
  subscriber.on("message", (_channel, text) => {
    const message = JSON.parse(text) as Request | Response;
    if (message.kind === "response") {
      const waiter = pending.get(message.id);
      if (waiter) {
        clearTimeout(waiter.timer);
        pending.delete(message.id);
        waiter.resolve(message);
      }
      return;
    }
    void serveRemote(message);
  });

  async function serveRemote(request: Request) {
    const response: Response = await local
      .send(request.chargePointId, request.action, request.params, request.timeoutMs)
      .then((result): Response => ({ kind: "response", id: request.id, ok: true, result }))
      .catch((error: unknown): Response => {
        const e = error instanceof AppError ? error : new AppError("internal", "command failed");
        return {
          kind: "response",
          id: request.id,
          ok: false,
          code: e.code,
          message: e.message,
          details: e.details,
        };
      });
    await redis.publish(channelOf(request.replyTo), JSON.stringify(response)).catch(() => {});
  }

  async function sendRemote(
    owner: string,
    chargePointId: string,
    action: string,
    params: unknown,
    timeoutMs: number,
  ) {
    const id = randomUUID();
    const response = await new Promise<Response>((resolve, reject) => {
      // The owner times out the call itself; allow a little extra for the round trip through Redis.
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new AppError("charge_point_timeout", "the charge point did not answer in time"));
      }, timeoutMs + 2_000);
      pending.set(id, { resolve, timer });
      const request: Request = {
        kind: "request",
        id,
        replyTo: processId,
        chargePointId,
        action,
        params,
        timeoutMs,
      };
      redis.publish(channelOf(owner), JSON.stringify(request)).then(
        (receivers) => {
          if (receivers === 0) {
            clearTimeout(timer);
            pending.delete(id);
            reject(new AppError("charge_point_offline", "the charge point is not connected"));
          }
        },
        (error) => reject(error),
      );
    });
    if (response.ok) return response.result;
    throw new AppError(response.code as never, response.message, response.details);
  }

  const router: CommandRouter = {
    async send(chargePointId, action, params, timeoutMs) {
      const here = clients.get(chargePointId);
      if (here) return callLocal(here, action, params, timeoutMs);
      const owner = await redis.get(presenceKey(chargePointId));
      if (!owner) throw new AppError("charge_point_offline", "the charge point is not connected");
      return sendRemote(owner, chargePointId, action, params, timeoutMs);
    },
    async attach(chargePointId, client) {
      clients.set(chargePointId, client);
      await local.attach(chargePointId, client);
      await redis.set(presenceKey(chargePointId), processId, "EX", PRESENCE_TTL_S);
    },
    async detach(chargePointId, client) {
      await local.detach(chargePointId, client);
      if (clients.get(chargePointId) !== client) return;
      clients.delete(chargePointId);
      // Only remove the key if it still points here: the charger may already be on another process.
      await redis.eval(
        "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
        1,
        presenceKey(chargePointId),
        processId,
      );
    },
    async touch(chargePointId) {
      if (clients.has(chargePointId))
        await redis.set(presenceKey(chargePointId), processId, "EX", PRESENCE_TTL_S);
    },
    isConnected: async (chargePointId) =>
      clients.has(chargePointId) || (await redis.exists(presenceKey(chargePointId))) === 1,
    async close() {
      for (const [chargePointId, client] of [...clients]) await router.detach(chargePointId, client);
      for (const waiter of pending.values()) clearTimeout(waiter.timer);
      subscriber.disconnect();
      redis.disconnect();
    },
  };
  return router;
}
