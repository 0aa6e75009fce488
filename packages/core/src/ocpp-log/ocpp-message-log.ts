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
  let buffer: StoredEntry[] = [];
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
      // Serialised now: the frame is logged as it was, whatever happens to the object afterwards.
      buffer.push({ entry, payloadJson: payloadJson(entry.payload) });
      if (buffer.length >= maxBatch) void flush();
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}

type StoredEntry = { entry: OcppMessageEntry; payloadJson: string | null };

/**
 * One INSERT per batch: one array parameter per scalar column, and the payloads as ONE json array
 * parameter (each element is already JSON text, so nothing is escaped element by element as a
 * json[] literal would be; that escaping was the log's largest cost, issue #8). `rows from` zips
 * them; a JSON `null` element is stored as SQL NULL.
 */
async function insertEntries(db: Db, rows: readonly StoredEntry[]) {
  const column = <T>(f: (e: OcppMessageEntry) => T) => sql.param(rows.map((r) => f(r.entry)));
  const payloads = `[${rows.map((r) => r.payloadJson ?? "null").join(",")}]`;
  await db.execute(sql`
    insert into ocpp_messages (provider_id, charge_point_id, direction, message_type, message_id, action,
                               payload, at)
    select provider_id, charge_point_id, direction, message_type, message_id, action,
           case when json_typeof(payload) <> 'null' then payload end, at
      from rows from (
        unnest(${column((e) => e.providerId)}::uuid[], ${column((e) => e.chargePointId)}::text[],
               ${column((e) => e.direction)}::text[], ${column((e) => e.messageType)}::int[],
               ${column((e) => e.messageId)}::text[], ${column((e) => e.action)}::text[],
               ${column((e) => e.at.toISOString())}::timestamptz[]),
        json_array_elements(${payloads}::json)
      ) r(provider_id, charge_point_id, direction, message_type, message_id, action, at, payload)`);
}

/**
 * The payload as JSON text. The NUL character (`\u0000`) is logged as U+FFFD: PostgreSQL cannot turn
 * it into text, so a query reading inside such a payload would fail (an escaped backslash before
 * "u0000" is left alone).
 */
export function payloadJson(payload: unknown): string | null {
  if (payload === null || payload === undefined) return null;
  const text = JSON.stringify(payload);
  return text.includes("\\u0000") ? text.replace(/(?<!\\)((?:\\\\)*)\\u0000/g, "$1\\ufffd") : text;
}
