import type { Db } from "@voltlane/db";
import { type MeterValueBatchItem, writeMeterValueBatch } from "./write-meter-value-batch";

export type MeterValueWriter = {
  /** Resolves with the item's session id (null: none) once the item is committed. */
  write: (item: MeterValueBatchItem) => Promise<string | null>;
  /** Resolves when nothing is queued or being written. */
  idle: () => Promise<void>;
};

export type MeterValueWriterOptions = {
  /** Items per database transaction. */
  maxBatch?: number;
  /** Batches written at the same time (each holds a pool connection). */
  maxInFlight?: number;
};

type Pending = {
  item: MeterValueBatchItem;
  resolve: (sessionId: string | null) => void;
  reject: (error: unknown) => void;
};

/**
 * Group commit for MeterValues (issue #8): what arrives while earlier batches are being written is
 * queued and written together in one transaction, so that hundreds of charge points cost a handful
 * of round trips instead of seven each. Nothing waits for a timer: an idle writer starts a batch on
 * the next turn of the event loop. Each caller is answered only after its batch committed, so an
 * acknowledged message is in the database. If a batch fails, its items are retried one by one, in
 * order, so that one bad message fails alone.
 */
export function createMeterValueWriter(db: Db, options: MeterValueWriterOptions = {}): MeterValueWriter {
  const maxBatch = options.maxBatch ?? 500;
  const maxInFlight = options.maxInFlight ?? 2;
  let queue: Pending[] = [];
  let inFlight = 0;
  let scheduled = false;
  let idleWaiters: (() => void)[] = [];

  function schedule() {
    if (scheduled || inFlight >= maxInFlight || queue.length === 0) return;
    scheduled = true;
    // One turn of the event loop: every message that arrived in this turn joins the batch.
    setImmediate(() => {
      scheduled = false;
      while (inFlight < maxInFlight && queue.length > 0) {
        const batch = queue.slice(0, maxBatch);
        queue = queue.slice(maxBatch);
        inFlight++;
        void writeBatch(batch).finally(() => {
          inFlight--;
          schedule();
          if (inFlight === 0 && queue.length === 0) {
            for (const wake of idleWaiters) wake();
            idleWaiters = [];
          }
        });
      }
    });
  }

  async function writeBatch(batch: readonly Pending[]) {
    try {
      const sessionIds = await writeMeterValueBatch(
        db,
        batch.map((p) => p.item),
      );
      batch.forEach((p, i) => {
        p.resolve(sessionIds[i] ?? null);
      });
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      // In arrival order: the totals depend on it (the latest SoC wins).
      for (const p of batch) {
        await writeMeterValueBatch(db, [p.item]).then(([id]) => p.resolve(id ?? null), p.reject);
      }
    }
  }

  return {
    write: (item) =>
      new Promise((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      }),
    idle: () =>
      inFlight === 0 && queue.length === 0
        ? Promise.resolve()
        : new Promise((resolve) => idleWaiters.push(resolve)),
  };
}
