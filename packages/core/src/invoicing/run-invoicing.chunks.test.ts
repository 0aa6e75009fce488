import type { Database } from "@voltlane/db";
import { invoiceLines, invoiceRuns, invoices, notifications, transactions } from "@voltlane/db";
import { createTestDatabase } from "@voltlane/db/testing";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SystemPrincipal } from "../auth/principal";
import { sha256 } from "../documents/document-store";
import { getInvoicePdf } from "../documents/invoice-documents";
import { billingWorld } from "./billing.fixtures";
import { formatInvoiceNumber } from "./invoice-numbering";
import { cutIntoChunks } from "./plan-invoice-run";
import { produceInvoiceDocument, produceInvoiceDocuments } from "./produce-invoice-documents";
import { runInvoicing } from "./run-invoicing";

describe("cutting a run into chunks", () => {
  it.each([
    [
      "customer limit",
      [
        ["a", 1],
        ["b", 1],
        ["c", 1],
      ],
      { customers: 2, lines: 100 },
      [["a", "b"], ["c"]],
    ],
    [
      "line limit",
      [
        ["a", 6],
        ["b", 5],
        ["c", 4],
      ],
      { customers: 10, lines: 10 },
      [["a"], ["b", "c"]],
    ],
    [
      "one customer above the line limit",
      [
        ["a", 50],
        ["b", 1],
      ],
      { customers: 10, lines: 10 },
      [["a"], ["b"]],
    ],
    ["nothing to do", [], { customers: 2, lines: 10 }, []],
  ] as const)("%s", (_name, weights, limits, expected) => {
    expect(cutIntoChunks(weights as unknown as [string, number][], limits)).toEqual(expected);
  });
});

/**
 * Issue #8: the run commits chunk by chunk. Numbers stay gapless across chunks (R49), a failed chunk
 * rolls back alone and a rerun continues without duplicates (R52, R53, W3 step 6), and the PDF and
 * e-mail of each issued invoice are produced once, after commit, with bytes fixed by SHA-256 (R50, R56).
 */
describe("invoice run in chunks", () => {
  let database: Database;
  let world: Awaited<ReturnType<typeof billingWorld>>;
  let payers: string[] = [];
  let owner: string;
  const limits = { customers: 2, lines: 1_000 };

  beforeAll(async () => {
    database = await createTestDatabase();
    world = await billingWorld(database.db);
    owner = (await world.customer("company", { name: "Owner Ltd" })).id;
    for (let i = 0; i < 6; i++) {
      const payer = await world.customer("private");
      payers.push(payer.id);
      for (const day of ["05", "12"]) {
        await world.session({
          payer: payer.id,
          receiver: owner,
          stoppedAt: `2026-10-${day}T10:00:00Z`,
          energyWh: 10_000,
          costNet: 350 + i,
          margin: 50,
        });
      }
    }
    payers = payers.sort();
  });
  afterAll(async () => {
    await database?.close();
  });

  const run = () =>
    runInvoicing(world.deps, world.actor, {
      providerId: world.providerId,
      period: "2026-10",
      trigger: "manual",
      chunkLimits: limits,
    });
  const issued = () => database.db.select().from(invoices).orderBy(asc(invoices.number));

  it("rolls a failed chunk back alone and records the committed progress on the failed run", async () => {
    // A real database failure in the chunk of the last customer (customers are chunked by id).
    const last = [...payers, owner].sort().at(-1)!;
    await database.db.execute(
      sql.raw(`create function fail_for_customer() returns trigger as $$ begin
        if new.customer_id = '${last}' then raise exception 'injected failure'; end if; return new;
      end $$ language plpgsql`),
    );
    await database.db.execute(
      sql.raw(`create trigger inject_failure before insert on invoices
        for each row execute function fail_for_customer()`),
    );
    try {
      await expect(run()).rejects.toThrow();
    } finally {
      await database.db.execute(sql.raw("drop trigger inject_failure on invoices"));
    }

    const [failed] = await database.db.select().from(invoiceRuns);
    // 7 customers in chunks of 2: 3 chunks committed (6 customers), the 4th (only `last`) failed.
    expect(failed).toMatchObject({ status: "failed", customersTotal: 7, customersDone: 6 });
    expect(failed!.error).toMatch(/injected failure/);
    const done = await issued();
    expect(done).toHaveLength(6);
    expect(done.every((invoice) => invoice.status === "issued" && invoice.customerId !== last)).toBe(true);
    // Numbers of the rolled-back chunk went back: no gap (R49).
    expect(done.map((invoice) => invoice.number)).toEqual(numbers(6));
    expect(failed!.counts).toMatchObject({ invoices: 6 });
  });

  it("continues on a rerun with the missing customers only, numbers still gapless (R52)", async () => {
    const resumed = await run();
    expect(resumed.run).toMatchObject({ status: "completed", customersTotal: 1, customersDone: 1 });
    expect(resumed.invoices).toHaveLength(1);
    const all = await issued();
    expect(all).toHaveLength(7);
    expect(all.map((invoice) => invoice.number)).toEqual(numbers(7));
    const selfBill = all.find((invoice) => invoice.kind === "self-bill")!;
    // 12 sessions, revenue net of margin (R41): sum over i of 2 × (350 + i − 50).
    expect(selfBill).toMatchObject({ customerId: owner, netTotal: 2 * (6 * 300 + 15) });
    const lines = await database.db
      .select()
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, selfBill.id));
    expect(lines).toHaveLength(12);
    // Time-ordered ids (UUIDv7, ADR 0007): bulk inserts land at the right edge of their indexes.
    const v7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect([...all, ...lines].every((row) => v7.test(row.id))).toBe(true);
  });

  it("adds nothing on a further run and holds every session once per side (R52, R53)", async () => {
    const again = await run();
    expect(again.invoices).toHaveLength(0);
    const sessions = await database.db.select().from(transactions);
    expect(sessions).toHaveLength(12);
    const revenueLines = await database.db
      .select()
      .from(invoiceLines)
      .where(eq(invoiceLines.kind, "session_revenue"));
    expect(revenueLines.map((line) => line.transactionId).sort()).toEqual(sessions.map((s) => s.id).sort());
    const payerLines = await database.db
      .select()
      .from(invoiceLines)
      .where(eq(invoiceLines.kind, "session_cost"));
    expect(new Set(payerLines.map((line) => line.transactionId)).size).toBe(12);
    expect(payerLines).toHaveLength(12);
  });

  it("produces each PDF and e-mail once after commit, byte-stable (R50, R56)", async () => {
    const finance: SystemPrincipal = world.finance;
    const [first] = await issued();
    // The first download produces the document of an invoice the queue has not reached yet.
    const download = await getInvoicePdf(world.deps, finance, first!.id);
    expect(download.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(await produceInvoiceDocuments(world.deps, { batchSize: 2 })).toBe(6);
    expect(await produceInvoiceDocuments(world.deps)).toBe(0);
    const all = await issued();
    expect(all.every((invoice) => invoice.pdfKey && invoice.pdfSha256)).toBe(true);
    const mails = await database.db
      .select()
      .from(notifications)
      .where(eq(notifications.template, "invoice_issued"));
    expect(mails).toHaveLength(7);
    expect(new Set(mails.map((mail) => mail.attachments?.[0]?.storageKey)).size).toBe(7);
    for (const invoice of all) {
      expect(sha256(await world.deps.documents.get(invoice.pdfKey!))).toBe(invoice.pdfSha256);
    }
    // Asking again returns the fixed document; the database refuses to replace it (R50).
    expect(sha256(download.bytes)).toBe(all[0]!.pdfSha256);
    expect((await produceInvoiceDocument(world.deps, first!.id)).pdfSha256).toBe(all[0]!.pdfSha256);
    expect((await getInvoicePdf(world.deps, finance, first!.id)).bytes.equals(download.bytes)).toBe(true);
    await expect(
      database.db
        .update(invoices)
        .set({ pdfSha256: "0".repeat(64) })
        .where(eq(invoices.id, first!.id)),
    ).rejects.toThrow();
    await expect(
      database.db.update(invoices).set({ pdfKey: null, pdfSha256: null }).where(eq(invoices.id, first!.id)),
    ).rejects.toThrow();
  });
});

function numbers(count: number): string[] {
  return Array.from({ length: count }, (_, i) => formatInvoiceNumber("03", "VLT", i + 1));
}
