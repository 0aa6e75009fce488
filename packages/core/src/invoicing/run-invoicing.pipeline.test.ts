import type { Database } from "@voltlane/db";
import { invoiceLines, invoices } from "@voltlane/db";
import { createTestDatabase } from "@voltlane/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CoreDeps } from "../platform/deps";
import { overrideBillable } from "../sessions/override-billable";
import { billingWorld } from "./billing.fixtures";
import { loadBillingProvider } from "./billing-parties";
import { createDraftInvoice } from "./create-draft-invoice";
import { prepareCustomerChunk, writeCustomerChunk } from "./invoice-customer-chunk";
import { lockProviderInvoicing } from "./invoice-run-lock";
import { periodBounds } from "./period";

/**
 * Issue #8: the run reads and computes the next chunk outside its lock while the previous one is
 * written. A chunk prepared that way must still bill exactly what is true when it is written.
 */
describe("a chunk prepared before it is written", () => {
  let database: Database;
  let world: Awaited<ReturnType<typeof billingWorld>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    world = await billingWorld(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  async function payerWithSessions(count: number) {
    const payer = await world.customer("private");
    const sessions = [];
    for (let i = 0; i < count; i++) {
      sessions.push(
        await world.session({
          payer: payer.id,
          receiver: null,
          stoppedAt: `2026-10-0${i + 1}T10:00:00Z`,
          energyWh: 10_000,
          costNet: 300 + i,
        }),
      );
    }
    return { payer, sessions };
  }

  async function prepareAndWrite(customerIds: string[], between: () => Promise<unknown>) {
    const provider = await loadBillingProvider(database.db, world.providerId);
    const input = {
      providerId: provider.id,
      period: "2026-10",
      end: periodBounds("2026-10", provider.timeZone).end,
      runId: null as unknown as string,
    };
    const prepared = await prepareCustomerChunk(database.db, provider, input, customerIds);
    await between();
    return database.db.transaction(async (tx) => {
      await lockProviderInvoicing(tx, provider.id);
      return writeCustomerChunk(tx, world.deps, world.actor, provider, input, prepared);
    });
  }

  const linesOf = (invoiceId: string) =>
    database.db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId));

  it("leaves out a session overridden to not billable after the chunk was prepared (R37)", async () => {
    const { payer, sessions } = await payerWithSessions(3);
    const [invoice] = await prepareAndWrite([payer.id], () =>
      overrideBillable(world.deps as unknown as CoreDeps, world.finance, {
        transactionId: sessions[1]!.id,
        billable: false,
        reason: "test drive",
      }),
    );
    expect(invoice).toMatchObject({ customerId: payer.id, status: "issued", netTotal: 300 + 302 });
    const lines = await linesOf(invoice!.id);
    expect(lines.map((line) => line.transactionId).sort()).toEqual([sessions[0]!.id, sessions[2]!.id].sort());
  });

  it("writes the prepared chunk as it is when nothing changed meanwhile", async () => {
    const { payer, sessions } = await payerWithSessions(2);
    const [invoice] = await prepareAndWrite([payer.id], async () => {});
    expect(invoice).toMatchObject({ customerId: payer.id, netTotal: 300 + 301 });
    expect((await linesOf(invoice!.id)).map((line) => line.transactionId).sort()).toEqual(
      sessions.map((s) => s.id).sort(),
    );
  });

  it("bills a session once when another invoice claimed it meanwhile (R53)", async () => {
    const { payer, sessions } = await payerWithSessions(2);
    const other = await world.customer("private");
    const made = await prepareAndWrite([payer.id], () =>
      // Another writer holds the payer side of the first session on its own draft.
      createDraftInvoice(database.db, {
        providerId: world.providerId,
        customerId: other.id,
        kind: "cost",
        period: "2026-10",
        currency: "EUR",
        runId: null,
        lines: [
          {
            customerId: other.id,
            invoiceKind: "cost",
            kind: "session_cost",
            description: "claimed elsewhere",
            transactionId: sessions[0]!.id,
            party: "payer",
            quantity: "10.000",
            unitPrice: "0.3500",
            net: 300,
            vatScope: "standard",
            vatRate: "21.00",
            details: {},
            sortKey: "1",
          },
        ],
      }),
    );
    expect(made).toHaveLength(1);
    expect((await linesOf(made[0]!.id)).map((line) => line.transactionId)).toEqual([sessions[1]!.id]);
    const holders = await database.db
      .select({ invoiceId: invoiceLines.invoiceId })
      .from(invoiceLines)
      .where(and(eq(invoiceLines.transactionId, sessions[0]!.id), eq(invoiceLines.holdsItem, true)));
    expect(holders).toHaveLength(1);
  });

  it("skips a customer that got a live invoice of the period meanwhile (R52)", async () => {
    const { payer } = await payerWithSessions(1);
    let inner: unknown[] = [];
    const outer = await prepareAndWrite([payer.id], async () => {
      inner = await prepareAndWrite([payer.id], async () => {});
    });
    expect(inner).toHaveLength(1);
    expect(outer).toHaveLength(0);
    const live = await database.db.select().from(invoices).where(eq(invoices.customerId, payer.id));
    expect(live).toHaveLength(1);
  });
});
