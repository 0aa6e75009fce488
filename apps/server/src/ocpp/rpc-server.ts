import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { createRPCError, RPCServer } from "ocpp-rpc";

/** What the auth callback learns about an upgrade request. */
export type Handshake = {
  identity: string;
  password?: Buffer;
  remoteAddress?: string;
  protocols: Set<string>;
};

export type InboundCall = { method: string; params: Record<string, unknown>; messageId: string };
export type FrameEvent = { message: string | Buffer; outbound: boolean };
/** A frame ocpp-rpc has parsed: a CALL (`call`) or a CALLRESULT/CALLERROR (`response`). */
export type ParsedFrameEvent = { outbound: boolean; payload: unknown[] };

/** One connected charge point, as the gateway uses it. */
export type OcppClient = {
  readonly identity: string;
  readonly protocol: string | undefined;
  readonly session: { providerId: string };
  call: (method: string, params: unknown, options?: { callTimeoutMs?: number }) => Promise<unknown>;
  handle: (method: string, handler: (call: InboundCall) => Promise<unknown>) => void;
  close: (options?: { code?: number; reason?: string; force?: boolean }) => Promise<unknown>;
  on: ((event: "message", listener: (event: FrameEvent) => void) => void) &
    ((event: "call" | "response", listener: (event: ParsedFrameEvent) => void) => void) &
    ((event: "badMessage" | "close", listener: () => void) => void);
};

export type OcppServer = {
  auth: (
    callback: (
      accept: (session: { providerId: string }, protocol?: string) => void,
      reject: (code: number, message: string) => void,
      handshake: Handshake,
    ) => Promise<void>,
  ) => void;
  onClient: (listener: (client: OcppClient) => void) => void;
  handleUpgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) => void;
  close: () => Promise<void>;
};

/** An OCPP error the RPC layer sends as CALLERROR (e.g. `GenericError`, `InternalError`). */
export function ocppError(code: string, message: string, details: Record<string, unknown> = {}): Error {
  return createRPCError(code, message, details) as Error;
}

/**
 * The one place that touches ocpp-rpc's loose typings. Strict mode validates every frame in and out
 * against the official OCPP 1.6 schemas; frames above `maxPayloadBytes` close the socket (1009).
 */
export function createOcppServer(options: { callTimeoutMs: number; maxPayloadBytes: number }): OcppServer {
  const server = new RPCServer({
    protocols: ["ocpp1.6"],
    strictMode: true,
    callTimeoutMs: options.callTimeoutMs,
    pingIntervalMs: 30_000,
    wssOptions: { maxPayload: options.maxPayloadBytes },
  } as unknown as ConstructorParameters<typeof RPCServer>[0]);
  // A broken socket must never take the process down.
  server.on("error", () => {});
  const raw = server as unknown as {
    auth: (cb: unknown) => void;
    on: (event: string, listener: (...args: never[]) => void) => void;
    handleUpgrade: OcppServer["handleUpgrade"];
    close: (options?: unknown) => Promise<void>;
  };
  return {
    auth: (callback) => raw.auth(callback),
    onClient: (listener) =>
      raw.on("client", (client: never) => {
        const c = client as { on: (e: string, l: () => void) => void; sendRaw: (text: string) => void };
        c.on("socketError", () => {});
        const sendRaw = c.sendRaw.bind(c);
        c.sendRaw = (text) => sendRaw(toOcpp16ErrorCodes(text));
        listener(client as unknown as OcppClient);
      }),
    handleUpgrade: (request, socket, head) => raw.handleUpgrade(request, socket, head),
    close: () => raw.close({ code: 1001, reason: "Server shutting down" }),
  };
}

/**
 * OCPP 1.6 error codes for what ocpp-rpc answers generically: an unparsable frame is a
 * `FormationViolation` (OCPP-J 1.6 §4.2.3), a value outside an enumeration a `PropertyConstraintViolation`.
 */
function toOcpp16ErrorCodes(text: string): string {
  if (!text.startsWith("[4,")) return text;
  const frame = JSON.parse(text) as [number, string, string, string, { errors?: { keyword?: string }[] }];
  if (frame[2] === "RpcFrameworkError") frame[2] = "FormationViolation";
  else if (frame[2] === "FormationViolation" && frame[4]?.errors?.[0]?.keyword === "enum") {
    frame[2] = "PropertyConstraintViolation";
  } else return text;
  return JSON.stringify(frame);
}
