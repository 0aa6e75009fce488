import type { Database } from "@voltlane/db";
import { invoices } from "@voltlane/db";
import { createTestDatabase } from "@voltlane/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SystemPrincipal } from "../auth/principal";
import { billingWorld } from "./billing.fixtures";
import { creditInvoice } from "./credit-invoice";
import { formatInvoiceNumber } from "./invoice-numbering";
import { runInvoicing } from "./run-invoicing";

/**
 * R49, R55 under concurrency: runs and credit notes started at the same moment (on PostgreSQL from
 * separate pool connections) queue on the provider's lock; numbers come out unique and gapless.
 */
describe("invoice numbering under concurrency", () => {
  let database: Database;
  let world: Awaited<ReturnType<typeof billingWorld>>;
  let finance: SystemPrincipal;
  const customers = 8;

  beforeAll(async () => {
    database = await createTestDatabase();
    world = await billingWorld(database.db);
    finance = world.finance;
    const owner = await world.customer("company", { name: "Owner" });
    for (let i = 0; i < customers; i++) {
      const payer = await world.customer("private");
      await world.session({
        payer: payer.id,
        receiver: owner.id,
        stoppedAt: "2026-09-10T10:00:00Z",
        energyWh: 5_000,
        costNet: 175,
      });
      await world.session({
        payer: payer.id,
        receiver: owner.id,
        stoppedAt: "2026-10-10T10:00:00Z",
        energyWh: 5_000,
        costNet: 175,
      });
    }
  });
  afterAll(async () => {
    await database?.close();
  });

  it.each([
    // September first: an October run would also take September's uninvoiced sessions (R38).
    ["two runs of one period at once", ["2026-09", "2026-09"], 1],
    ["two runs of the next period and a rerun at once", ["2026-10", "2026-10", "2026-09"], 2],
  ])("%s", async (_name, periods, invoicedPeriods) => {
    const results = await Promise.all(
      periods.map((period) =>
        runInvoicing(world.deps, world.actor, { providerId: world.providerId, period, trigger: "manual" }),
      ),
    );
    expect(results.every((r) => r.run.status === "completed")).toBe(true);
    const all = await database.db.select().from(invoices).where(eq(invoices.series, "03"));
    // Per period: one cost invoice per payer and one self-bill for the owner (R52).
    expect(all).toHaveLength(invoicedPeriods * (customers + 1));
    expect(sortedNumbers(all)).toEqual(expectedNumbers("03", all.length));
  });

  it("numbers concurrent credit notes gaplessly in series 08", async () => {
    const targets = (await database.db.select().from(invoices).where(eq(invoices.kind, "cost"))).slice(0, 5);
    await Promise.all(targets.map((invoice) => creditInvoice(world.deps, finance, invoice.id)));
    const notes = await database.db.select().from(invoices).where(eq(invoices.series, "08"));
    expect(sortedNumbers(notes)).toEqual(expectedNumbers("08", 5));
  });
});

function sortedNumbers(rows: { number: string | null }[]): string[] {
  return rows.map((r) => r.number!).sort();
}

function expectedNumbers(series: "03" | "08", count: number): string[] {
  return Array.from({ length: count }, (_, i) => formatInvoiceNumber(series, "VLT", i + 1));
}
