import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import {
  type CoreDeps,
  createOcppMessageLog,
  markChargePointSeen,
  type OcppMessageLog,
} from "@voltlane/core";
import type { FastifyBaseLogger } from "fastify";
import type { App } from "../http/types";
import { type CommandRouter, createLocalCommandRouter } from "./commands/command-router";
import { createRedisCommandRouter } from "./commands/redis-command-router";
import { recordFrames } from "./message-recorder";
import { toCallError } from "./ocpp-errors";
import { createOcppServer, type OcppClient } from "./rpc-server";
import { authenticateStation } from "./station-auth";
import type { HandlerContext } from "./v16/handler-context";
import { v16Handlers } from "./v16/handlers";

export type Gateway = { router: CommandRouter; messageLog: OcppMessageLog; close: () => Promise<void> };

export type GatewayOptions = { redisUrl?: string; callTimeoutMs?: number; maxPayloadBytes?: number };

const ocppPath = /^\/ocpp\/[^/?#]+(\?.*)?$/;

/**
 * The OCPP 1.6J endpoint `ws://HOST:PORT/ocpp/{chargePointId}` on the HTTP server's own port: station
 * authentication on the upgrade, one handler per action (v16/), every frame logged, commands routed
 * to whichever process holds the socket.
 */
export async function startGateway(app: App, core: CoreDeps, options: GatewayOptions = {}): Promise<Gateway> {
  const log = app.log.child({ component: "ocpp" });
  const server = createOcppServer({
    callTimeoutMs: options.callTimeoutMs ?? 30_000,
    maxPayloadBytes: options.maxPayloadBytes ?? 256 * 1024,
  });
  const router = options.redisUrl
    ? await createRedisCommandRouter(options.redisUrl)
    : createLocalCommandRouter();
  const messageLog = createOcppMessageLog(core.db, {
    onError: (err) => log.error({ err }, "OCPP log write failed"),
  });

  server.auth(async (accept, reject, handshake) => {
    try {
      const result = await authenticateStation(core, handshake);
      if (result.ok) accept({ providerId: result.providerId });
      else reject(result.code, result.message);
    } catch (err) {
      log.error({ err }, "OCPP upgrade failed");
      reject(500, "Internal error");
    }
  });
  // OCPP: one connection per charger; a new one replaces the old (e.g. after a half-open socket).
  const connections = new Map<string, OcppClient>();
  server.onClient((client) => {
    const previous = connections.get(client.identity);
    connections.set(client.identity, client);
    client.on("close", () => {
      if (connections.get(client.identity) === client) connections.delete(client.identity);
    });
    if (previous) void previous.close({ code: 1000, reason: "Replaced by a new connection", force: true });
    serveClient(client, { core, log, router, messageLog }).catch((err) =>
      log.error({ err, chargePointId: client.identity }, "OCPP connection setup failed"),
    );
  });

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (ocppPath.test(request.url ?? "")) server.handleUpgrade(request, socket, head);
    else socket.destroy();
  };
  app.server.on("upgrade", onUpgrade);

  let closing: Promise<void> | undefined;
  return {
    router,
    messageLog,
    close: () => {
      closing ??= (async () => {
        app.server.off("upgrade", onUpgrade);
        await server.close();
        await router.close();
        await messageLog.close();
      })();
      return closing;
    },
  };
}

async function serveClient(
  client: OcppClient,
  deps: { core: CoreDeps; log: FastifyBaseLogger; router: CommandRouter; messageLog: OcppMessageLog },
) {
  const { core, log, router } = deps;
  const chargePointId = client.identity;
  const providerId = client.session.providerId;
  recordFrames(client, { providerId, chargePointId }, deps.messageLog, core.clock);
  const ctx: HandlerContext = { core, chargePointId, providerId, log };
  for (const [action, handler] of Object.entries(v16Handlers)) {
    client.handle(action, async ({ params }) => {
      try {
        const result = await handler(ctx, params as never);
        // Presence (Redis) must neither delay nor fail the answer; the next heartbeat retries it.
        if (action === "Heartbeat")
          router
            .touch(chargePointId)
            .catch((err) => log.warn({ err, chargePointId }, "presence refresh failed"));
        return result;
      } catch (err) {
        log.error({ err, chargePointId, action }, "OCPP handler failed");
        throw toCallError(err);
      }
    });
  }
  client.on("close", () => {
    void (async () => {
      await router.detach(chargePointId, client);
      // A newer connection of the same charger, here or (Redis presence) on another process, keeps it online.
      if (!(await router.isConnected(chargePointId)))
        await markChargePointSeen(core.db, chargePointId, false, core.clock);
    })().catch((err) => log.error({ err, chargePointId }, "OCPP disconnect bookkeeping failed"));
  });
  // Without its presence key the charger is still served here; other processes reach it after its next heartbeat.
  await router
    .attach(chargePointId, client)
    .catch((err) => log.error({ err, chargePointId }, "presence update failed"));
  await markChargePointSeen(core.db, chargePointId, true, core.clock);
}

/** The gateway of a running server, for the routes that send commands (one per server instance). */
const gateways = new WeakMap<CoreDeps, Gateway>();
export const registerGateway = (core: CoreDeps, gateway: Gateway) => gateways.set(core, gateway);
export const gatewayOf = (core: CoreDeps) => gateways.get(core);
