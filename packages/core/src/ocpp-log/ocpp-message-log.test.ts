import { randomBytes } from "node:crypto";
import { type Database, type Db, ocppMessages, providers } from "@voltlane/db";
import { createTestDatabase } from "@voltlane/db/testing";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultProviderSettings } from "../providers/bootstrap";
import { createOcppMessageLog, type OcppMessageEntry } from "./ocpp-message-log";

describe("OCPP message log (batched writes)", () => {
  let database: Database;
  let db: Db;
  let providerId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    const t = randomBytes(4).toString("hex").toUpperCase();
    const [row] = await db
      .insert(providers)
      .values({ slug: `p-${t}`, name: t, invoicePrefix: t, settings: defaultProviderSettings })
      .returning();
    providerId = row!.id;
  });
  afterAll(async () => {
    await database?.close();
  });

  const logged = (chargePointId: string) =>
    db
      .select()
      .from(ocppMessages)
      .where(eq(ocppMessages.chargePointId, chargePointId))
      .orderBy(asc(ocppMessages.id));

  it("stores every frame with its payload exactly, in batches of maxBatch", async () => {
    const chargePointId = "LOG-1";
    const at = new Date("2026-03-01T10:00:00.123Z");
    const entry = (i: number, payload: unknown): OcppMessageEntry => ({
      providerId,
      chargePointId,
      direction: i % 2 ? "out" : "in",
      messageType: 2,
      messageId: `m-${i}`,
      action: i % 2 ? null : "DataTransfer",
      payload,
      at: new Date(at.getTime() + i),
    });
    const payloads: unknown[] = [
      { vendorId: 'quote " and backslash \\ and {braces}, [brackets]', data: "ünïcödé €" },
      null,
      { nested: { list: [1, "two", null, { three: 3.5 }] }, empty: {} },
      [],
      { errorCode: "FormationViolation", description: "bad", details: { raw: "x" } },
      "a string",
    ];
    const log = createOcppMessageLog(db, { maxBatch: 4, flushEveryMs: 60_000 });
    payloads.forEach((p, i) => {
      log.append(entry(i, p));
    });
    await log.close();
    const rows = await logged(chargePointId);
    expect(rows.map((r) => r.payload)).toEqual(payloads);
    expect(rows.map((r) => [r.direction, r.messageType, r.messageId, r.action, r.at])).toEqual(
      payloads.map((_, i) => {
        const e = entry(i, null);
        return [e.direction, e.messageType, e.messageId, e.action, e.at];
      }),
    );
    expect(rows.every((r) => r.providerId === providerId)).toBe(true);
  });

  it("keeps a frame with a NUL character (jsonb refuses it) and the rest of its batch", async () => {
    const chargePointId = "LOG-NUL";
    const log = createOcppMessageLog(db, { maxBatch: 10, flushEveryMs: 60_000 });
    const base = {
      providerId,
      chargePointId,
      messageType: 2,
      action: "DataTransfer",
      at: new Date(),
    } as const;
    log.append({ ...base, direction: "in", messageId: "a", payload: { data: "a\u0000b", text: "\\u0000" } });
    log.append({ ...base, direction: "in", messageId: "b", payload: { data: "fine" } });
    await log.close();
    const rows = await logged(chargePointId);
    expect(rows.map((r) => r.payload)).toEqual([{ data: "a\ufffdb", text: "\\u0000" }, { data: "fine" }]);
  });

  it("reports a failed batch and goes on with the next", async () => {
    const errors: unknown[] = [];
    const log = createOcppMessageLog(db, { flushEveryMs: 60_000, onError: (e) => errors.push(e) });
    const base = {
      providerId,
      direction: "in" as const,
      messageType: 2,
      messageId: "x",
      action: "Heartbeat",
    };
    log.append({ ...base, chargePointId: "LOG-2", payload: {}, at: new Date() });
    // Not a UUID: PostgreSQL refuses the batch.
    log.append({ ...base, providerId: "not-a-uuid", chargePointId: "LOG-2", payload: {}, at: new Date() });
    await log.flush();
    expect(errors).toHaveLength(1);
    log.append({ ...base, chargePointId: "LOG-3", payload: { ok: true }, at: new Date() });
    await log.close();
    expect(await logged("LOG-2")).toHaveLength(0);
    expect((await logged("LOG-3")).map((r) => r.payload)).toEqual([{ ok: true }]);
  });
});
