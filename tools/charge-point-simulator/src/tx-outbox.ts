import type { CpAction, CpRequest, CpResponse } from "./ocpp-types.ts";
import type { RpcLink } from "./rpc-link.ts";

interface Queued {
  action: CpAction;
  params: Record<string, unknown>;
  provisionalId?: number;
}

export type SendOutcome<A extends CpAction> =
  | { queued: false; response: CpResponse<A> }
  | { queued: true; provisionalId?: number };

/**
 * Transaction-related messages wait here while the socket is down and are flushed in their original
 * order (with their original timestamps) once it is back, as OCPP 1.6 §4.x requires. A queued
 * StartTransaction gets a negative provisional id; later messages that carry it are rewritten to the
 * id the central system assigns when the StartTransaction is finally delivered.
 */
export class TxOutbox {
  private readonly queue: Queued[] = [];
  private readonly assigned = new Map<number, number>();
  private nextProvisional = -1;
  private flushing = false;
  errors = 0;

  constructor(private readonly link: RpcLink) {}

  get pending(): number {
    return this.queue.length;
  }

  async send<A extends CpAction>(action: A, params: CpRequest<A>): Promise<SendOutcome<A>> {
    const rewritten = this.rewrite(params as Record<string, unknown>);
    if (this.link.isOpen && !this.flushing && this.queue.length === 0) {
      try {
        return { queued: false, response: await this.link.call(action, rewritten as CpRequest<A>) };
      } catch (error) {
        // A CALLERROR or a validation error is an answer; only a lost socket sends it to the queue.
        if (this.link.isOpen || isRpcError(error)) throw error;
      }
    }
    const provisionalId = action === "StartTransaction" ? this.nextProvisional-- : undefined;
    this.queue.push({ action, params: rewritten, provisionalId });
    return { queued: true, provisionalId };
  }

  /** The real transaction id for a provisional one, once the central system has assigned it. */
  resolve(transactionId: number): number {
    return this.assigned.get(transactionId) ?? transactionId;
  }

  async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.queue.length > 0 && this.link.isOpen) {
        const item = this.queue[0]!;
        const params = this.rewrite(item.params);
        try {
          const response = await this.link.call(item.action, params as never);
          if (item.provisionalId !== undefined) {
            this.assigned.set(item.provisionalId, (response as { transactionId: number }).transactionId);
          }
        } catch (error) {
          if (!isRpcError(error)) return; // socket gone again: keep the rest for the next flush
          this.errors++; // the CS refused this one; retrying would refuse it again
        }
        this.queue.shift();
      }
    } finally {
      this.flushing = false;
    }
  }

  private rewrite(params: Record<string, unknown>): Record<string, unknown> {
    const id = params.transactionId;
    if (typeof id !== "number" || id >= 0) return params;
    return { ...params, transactionId: this.resolve(id) };
  }
}

function isRpcError(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  return "rpcErrorCode" in error || "errors" in error;
}
