import { RPCClient } from "ocpp-rpc";
import type { CpAction, CpRequest, CpResponse } from "./ocpp-types.ts";

export type FrameDirection = "in" | "out";
export type FrameLogger = (direction: FrameDirection, frame: string) => void;
/** Handles one CS→CP call; returns the CALLRESULT payload (validated by strict mode). */
export type CallHandler = (params: Record<string, unknown>) => Promise<object> | object;

export interface RpcLinkOptions {
  url: string;
  identity: string;
  password?: string;
  callTimeoutMs?: number;
  log?: FrameLogger;
}

interface RawClient {
  connect(): Promise<unknown>;
  call(method: string, params: unknown, options?: Record<string, unknown>): Promise<unknown>;
  close(options?: {
    code?: number;
    reason?: string;
    force?: boolean;
    awaitPending?: boolean;
  }): Promise<unknown>;
  handle(method: string, handler: (call: { params?: Record<string, unknown> }) => Promise<unknown>): void;
  sendRaw(message: string): void;
  on(event: string, listener: (...args: never[]) => void): void;
  off(event: string, listener: (...args: never[]) => void): void;
  readonly state: number;
}

const OPEN = 1;

/**
 * The one place that touches ocpp-rpc: its typings are loose, so the rest of the simulator talks to
 * this typed wrapper. Reconnecting is left to the charge point (ocpp-rpc's own reconnect is off) so
 * that tests can hold a charge point offline for as long as they like.
 */
export class RpcLink {
  private readonly client: RawClient;
  private readonly closeListeners: Array<() => void> = [];

  constructor(options: RpcLinkOptions) {
    this.client = new RPCClient({
      endpoint: options.url.replace(/\/+$/, ""),
      identity: options.identity,
      password: options.password ?? null,
      protocols: ["ocpp1.6"],
      strictMode: true,
      reconnect: false,
      callTimeoutMs: options.callTimeoutMs ?? 30_000,
      pingIntervalMs: 0,
    } as unknown as ConstructorParameters<typeof RPCClient>[0]) as unknown as RawClient;
    const log = options.log;
    this.client.on("message", (event: { message: string | Buffer; outbound: boolean }) => {
      log?.(event.outbound ? "out" : "in", event.message.toString());
    });
    // ocpp-rpc emits 'close' once the socket is fully gone, whichever side dropped it.
    this.client.on("close", () => {
      for (const listener of this.closeListeners) listener();
    });
  }

  get isOpen(): boolean {
    return this.client.state === OPEN;
  }

  async connect(): Promise<void> {
    await this.client.connect();
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  async call<A extends CpAction>(action: A, params: CpRequest<A>): Promise<CpResponse<A>> {
    return (await this.client.call(action, params)) as CpResponse<A>;
  }

  handle(action: string, handler: CallHandler): void {
    this.client.handle(action, async ({ params }) => handler(params ?? {}));
  }

  async close(): Promise<void> {
    await this.client.close({ code: 1000, reason: "Simulator closing" });
  }

  /** Drops the socket without a closing handshake, as a lost network would. */
  async drop(): Promise<void> {
    await this.client.close({ force: true });
  }

  /**
   * Sends `text` as-is and resolves with the first inbound reply frame for it: the frame whose
   * message id matches, or any CALLRESULT/CALLERROR when `text` has no readable id (malformed JSON
   * gets a CALLERROR with id "-1").
   */
  sendRaw(text: string, timeoutMs = 5_000): Promise<string> {
    const id = readMessageId(text);
    return new Promise<string>((resolve, reject) => {
      const onMessage = (event: { message: string | Buffer; outbound: boolean }) => {
        if (event.outbound) return;
        const frame = event.message.toString();
        const replyId = readReplyId(frame);
        if (replyId === undefined || (id !== undefined && replyId !== id && replyId !== "-1")) return;
        finish();
        resolve(frame);
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`No reply to raw frame within ${timeoutMs} ms`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.client.off("message", onMessage);
      };
      this.client.on("message", onMessage);
      try {
        this.client.sendRaw(text);
      } catch (error) {
        finish();
        reject(error);
      }
    });
  }
}

function readMessageId(text: string): string | undefined {
  try {
    const frame: unknown = JSON.parse(text);
    return Array.isArray(frame) && typeof frame[1] === "string" ? frame[1] : undefined;
  } catch {
    return undefined;
  }
}

/** The message id of a CALLRESULT (3) or CALLERROR (4); undefined for CALLs and garbage. */
function readReplyId(frame: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(frame);
    if (!Array.isArray(parsed) || (parsed[0] !== 3 && parsed[0] !== 4)) return undefined;
    return typeof parsed[1] === "string" ? parsed[1] : undefined;
  } catch {
    return undefined;
  }
}
