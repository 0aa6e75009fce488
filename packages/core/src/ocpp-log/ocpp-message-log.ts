import type { Db } from "@voltlane/db";
import { sql } from "drizzle-orm";

export type OcppMessageEntry = {
  providerId: string;
  chargePointId: string;
  direction: "in" | "out";
  messageType: number | null;
  messageId: string | null;
  action: string | null;
  payload: unknown;
  at: Date;
};

export type OcppMessageLog = {
  append: (entry: OcppMessageEntry) => void;
  /** Writes what is buffered; resolves when it is stored. */
  flush: () => Promise<void>;
  close: () => Promise<void>;
};

/**
 * Every inbound and outbound OCPP frame is logged, written in batches off the message path so that a
 * slow database never delays a charge point's answer. A failed batch is reported and dropped: the log
 * is diagnostics, the transactions themselves are stored synchronously.
 */
export function createOcppMessageLog(
  db: Db,
  options: { flushEveryMs?: number; maxBatch?: number; onError?: (error: unknown) => void } = {},
): OcppMessageLog {
  const maxBatch = options.maxBatch ?? 500;
  let buffer: OcppMessageEntry[] = [];
  let writing: Promise<void> = Promise.resolve();
  const timer = setInterval(() => void flush(), options.flushEveryMs ?? 250);
  timer.unref();

  function flush(): Promise<void> {
    if (buffer.length === 0) return writing;
    const batch = buffer;
    buffer = [];
    writing = writing.then(async () => {
      for (let i = 0; i < batch.length; i += maxBatch) {
        await insertEntries(db, batch.slice(i, i + maxBatch)).catch((error) => options.onError?.(error));
      }
    });
    return writing;
  }

  return {
    append(entry) {
      buffer.push(entry);
      if (buffer.length >= maxBatch) void flush();
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}

/**
 * One INSERT per batch with one array parameter per column: building a 500-row multi-VALUES statement
 * (4,000 parameters) cost more CPU than the rest of the log (issue #8 ingest profile).
 */
async function insertEntries(db: Db, entries: readonly OcppMessageEntry[]) {
  const column = <T>(f: (e: OcppMessageEntry) => T) => sql.param(entries.map(f));
  await db.execute(sql`
    insert into ocpp_messages (provider_id, charge_point_id, direction, message_type, message_id, action,
                               payload, at)
    select * from unnest(
      ${column((e) => e.providerId)}::uuid[], ${column((e) => e.chargePointId)}::text[],
      ${column((e) => e.direction)}::text[], ${column((e) => e.messageType)}::int[],
      ${column((e) => e.messageId)}::text[], ${column((e) => e.action)}::text[],
      ${column((e) => jsonbText(e.payload))}::jsonb[],
      ${column((e) => e.at.toISOString())}::timestamptz[])`);
}

/**
 * The payload as jsonb text. PostgreSQL's jsonb refuses the NUL character (`\u0000`), and one such
 * frame would lose its whole batch: it is logged as U+FFFD instead (an escaped backslash before
 * "u0000" is left alone).
 */
export function jsonbText(payload: unknown): string | null {
  if (payload === null || payload === undefined) return null;
  return JSON.stringify(payload).replace(/(?<!\\)((?:\\\\)*)\\u0000/g, "$1\\ufffd");
}
