import type { Database } from "@voltlane/db";
import { invoiceLines, invoices, notifications, providers } from "@voltlane/db";
import { createTestDatabase } from "@voltlane/db/testing";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SystemPrincipal } from "../auth/principal";
import { deliverOutbox, type OutgoingMail } from "../notifications/deliver-outbox";
import { defaultProviderSettings } from "../providers/bootstrap";
import { billingWorld } from "./billing.fixtures";
import { creditInvoice } from "./credit-invoice";
import { produceInvoiceDocuments } from "./produce-invoice-documents";
import { runInvoicing } from "./run-invoicing";

describe("monthly invoice run (W3)", () => {
  let database: Database;
  let world: Awaited<ReturnType<typeof billingWorld>>;
  let finance: SystemPrincipal;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    world = await billingWorld(database.db);
    finance = world.finance;
    const company = await world.customer("company", {
      vat: "NL000099998B57",
      iban: "NL91ABNA0417164300",
      mandate: true,
    });
    const employee = await world.customer("employee", { companyId: company.id, iban: "NL02RABO0123456789" });
    const privateUser = await world.customer("private");
    const owner = await world.customer("company", { name: "Owner Ltd" });
    const belgian = await world.customer("company", { country: "BE", vat: "BE0123456749" });
    Object.assign(ids, {
      company: company.id,
      employee: employee.id,
      privateUser: privateUser.id,
      owner: owner.id,
      belgian: belgian.id,
    });
    // Home charging: 12 345 Wh × 0.2234 = 275.7873 cents → 276; twice.
    await world.session({
      payer: company.id,
      receiver: employee.id,
      group: "home",
      stoppedAt: "2026-10-03T10:00:00Z",
      energyWh: 12_345,
      costNet: 276,
      energyPrice: "0.2234",
    });
    await world.session({
      payer: company.id,
      receiver: employee.id,
      group: "home",
      stoppedAt: "2026-10-20T10:00:00Z",
      energyWh: 10_000,
      costNet: 223,
      energyPrice: "0.2234",
    });
    // A private user's public session: 21 % VAT; the owner gets a self-bill.
    await world.session({
      payer: privateUser.id,
      receiver: owner.id,
      stoppedAt: "2026-10-31T22:30:00Z",
      energyWh: 20_000,
      costNet: 700,
      margin: 100,
    });
    // Reverse charge: a Belgian company with a valid VAT number (R46).
    await world.session({
      payer: belgian.id,
      receiver: owner.id,
      stoppedAt: "2026-10-10T10:00:00Z",
      energyWh: 10_000,
      costNet: 350,
    });
    // Not in October (Amsterdam): stops 1 November 00:30 local.
    await world.session({
      payer: privateUser.id,
      receiver: owner.id,
      stoppedAt: "2026-10-31T23:30:00Z",
      energyWh: 5_000,
      costNet: 175,
    });
    // Not billable.
    await world.session({
      payer: privateUser.id,
      receiver: owner.id,
      stoppedAt: "2026-10-05T10:00:00Z",
      energyWh: 50,
      costNet: 2,
      billable: false,
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  const find = (list: (typeof invoices.$inferSelect)[], customerId: string, kind: string) =>
    list.find((i) => i.customerId === customerId && i.kind === kind);
  const linesOf = (invoiceId: string) =>
    database.db
      .select()
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, invoiceId))
      .orderBy(asc(invoiceLines.position));

  it("refuses a period that has not ended (R55)", async () => {
    await expect(
      runInvoicing(world.deps, world.actor, {
        providerId: world.providerId,
        period: "2026-11",
        trigger: "manual",
      }),
    ).rejects.toMatchObject({ code: "business_rule", details: { rule: "R55" } });
  });

  it("routes October's sessions into cost, self-bill and reimbursement invoices", async () => {
    const { run, invoices: created } = await runInvoicing(world.deps, world.actor, {
      providerId: world.providerId,
      period: "2026-10",
      trigger: "manual",
    });
    expect(run.status).toBe("completed");
    const companyInvoice = find(created, ids.company!, "cost")!;
    const home = await linesOf(companyInvoice.id);
    expect(home.map((l) => [l.kind, l.net, l.vatScope])).toEqual([
      ["home_charging_cost", 276, "outside_scope"],
      ["home_charging_cost", 223, "outside_scope"],
    ]);
    expect(companyInvoice).toMatchObject({ total: 499, vatTotal: 0, direction: "debit", settlement: "open" });
    const reimbursement = find(created, ids.employee!, "reimbursement")!;
    expect(reimbursement).toMatchObject({
      total: 499,
      vatTotal: 0,
      direction: "credit",
      settlement: "payout_pending",
    });

    const privateInvoice = find(created, ids.privateUser!, "cost")!;
    expect(privateInvoice).toMatchObject({ netTotal: 700, vatTotal: 147, total: 847 });
    expect(privateInvoice.vatBreakdown).toEqual([{ scope: "standard", rate: "21.00", net: 700, vat: 147 }]);
    const selfBill = find(created, ids.owner!, "self-bill")!;
    // R41: revenue net of margin; R45: a company without a valid VAT number is outside scope.
    expect(selfBill).toMatchObject({ netTotal: 600 + 350, vatTotal: 0, settlement: "on_hold" });
    const belgian = find(created, ids.belgian!, "cost")!;
    expect(belgian).toMatchObject({ reverseCharge: true, vatTotal: 0, total: 350 });
    expect(belgian.vatBreakdown).toEqual([{ scope: "reverse_charge", rate: "0.00", net: 350, vat: 0 }]);
    expect(created).toHaveLength(5);
  });

  it("numbers gaplessly per series and mails every PDF (R49, R56)", async () => {
    // The PDFs and e-mails follow the issuing commit through the documents queue (ADR 0006).
    expect(await produceInvoiceDocuments(world.deps)).toBe(5);
    expect(await produceInvoiceDocuments(world.deps)).toBe(0);
    const issued = await database.db
      .select()
      .from(invoices)
      .where(eq(invoices.series, "03"))
      .orderBy(asc(invoices.number));
    expect(issued.map((i) => i.number)).toEqual([1, 2, 3, 4, 5].map((n) => `03-VLT-00000${n}`));
    expect(issued.every((i) => i.pdfKey && /^[0-9a-f]{64}$/.test(i.pdfSha256 ?? ""))).toBe(true);
    const mails = await database.db
      .select()
      .from(notifications)
      .where(eq(notifications.template, "invoice_issued"));
    expect(mails).toHaveLength(5);
    expect(mails[0]!.attachments?.[0]).toMatchObject({ contentType: "application/pdf" });
    const pdf = await world.deps.documents.get(issued[0]!.pdfKey!);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("hands the stored PDF to the mail sender (R56)", async () => {
    const sent: OutgoingMail[] = [];
    // Rows are queued at the database's now(); deliver from a later clock.
    const result = await deliverOutbox(
      database.db,
      { now: () => new Date("2030-01-01T00:00:00Z") },
      async (mail) => {
        sent.push(mail);
      },
    );
    expect(result.sent).toBe(5);
    const toCompany = sent.find((m) => m.subject.includes("03-VLT-"))!;
    const attachment = toCompany.attachments![0]!;
    expect(attachment.filename).toMatch(/^03-VLT-\d{6}\.pdf$/);
    expect((await world.deps.documents.get(attachment.storageKey)).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("adds nothing on a rerun (R52) and holds each session once (R53)", async () => {
    const again = await runInvoicing(world.deps, world.actor, {
      providerId: world.providerId,
      period: "2026-10",
      trigger: "manual",
    });
    expect(again.invoices).toHaveLength(0);
    // The live lines hold the sessions: the four October sessions, each on one payer line.
    const held = await database.db
      .select({ transactionId: invoiceLines.transactionId })
      .from(invoiceLines)
      .where(sql`holds_item and kind in ('session_cost', 'home_charging_cost')`);
    expect(new Set(held.map((line) => line.transactionId)).size).toBe(4);
    expect(held).toHaveLength(4);
  });

  it("refuses to change an issued invoice or its lines at the database (R50)", async () => {
    const [issued] = await database.db.select().from(invoices).where(eq(invoices.status, "issued")).limit(1);
    await expect(
      database.db.update(invoices).set({ total: 1 }).where(eq(invoices.id, issued!.id)),
    ).rejects.toThrow();
    await expect(
      database.db.update(invoices).set({ number: "03-VLT-999999" }).where(eq(invoices.id, issued!.id)),
    ).rejects.toThrow();
    await expect(
      database.db.update(invoiceLines).set({ net: 1 }).where(eq(invoiceLines.invoiceId, issued!.id)),
    ).rejects.toThrow();
    await expect(database.db.delete(invoices).where(eq(invoices.id, issued!.id))).rejects.toThrow();
    // No line joins an issued invoice (checked once per INSERT statement, migration 0014).
    const [line] = await database.db
      .select()
      .from(invoiceLines)
      .where(eq(invoiceLines.invoiceId, issued!.id))
      .limit(1);
    const refusal = await database.db
      .insert(invoiceLines)
      .values({ ...line!, id: undefined, position: 999, holdsItem: false })
      .then(
        () => "inserted",
        (error: Error) => String(error.cause ?? error),
      );
    expect(refusal).toMatch(/R50/);
    await database.db.update(invoices).set({ settlement: "paid" }).where(eq(invoices.id, issued!.id));
    await database.db
      .update(invoices)
      .set({ settlement: issued!.settlement })
      .where(eq(invoices.id, issued!.id));
  });

  it("keeps every line on an existing invoice of its own provider (references checked per statement)", async () => {
    const refused = (work: Promise<unknown>) =>
      work.then(
        () => "done",
        (error: Error) => String(error.cause ?? error),
      );
    const [draft] = await database.db
      .insert(invoices)
      .values({
        providerId: world.providerId,
        customerId: ids.privateUser!,
        kind: "cost",
        series: "03",
        period: "2019-01",
        direction: "debit",
        currency: "EUR",
      })
      .returning();
    const line = {
      providerId: world.providerId,
      invoiceId: draft!.id,
      position: 1,
      kind: "adjustment",
      description: "test",
      net: 1,
      vatScope: "standard",
      vatRate: "21.00",
    };
    // Several lines in one statement: one of them names an invoice that does not exist.
    const missing = "00000000-0000-0000-0000-00000000dead";
    expect(
      await refused(
        database.db.insert(invoiceLines).values([line, { ...line, position: 2, invoiceId: missing }]),
      ),
    ).toMatch(/must belong to an invoice of its provider/);
    const [other] = await database.db
      .insert(providers)
      .values({
        slug: "other-provider",
        name: "Other",
        invoicePrefix: "OTH",
        settings: defaultProviderSettings,
      })
      .returning();
    expect(
      await refused(database.db.insert(invoiceLines).values({ ...line, providerId: other!.id })),
    ).toMatch(/must belong to an invoice of its provider/);
    const [kept] = await database.db.insert(invoiceLines).values(line).returning();
    expect(
      await refused(
        database.db.update(invoiceLines).set({ providerId: other!.id }).where(eq(invoiceLines.id, kept!.id)),
      ),
    ).toMatch(/cannot move/);
    expect(await refused(database.db.delete(invoices).where(eq(invoices.id, draft!.id)))).toMatch(
      /invoice with lines cannot be deleted/,
    );
    await database.db.delete(invoiceLines).where(eq(invoiceLines.invoiceId, draft!.id));
    await database.db.delete(invoices).where(eq(invoices.id, draft!.id));
  });

  it("credits an invoice 1:1 and re-invoices the released sessions with the next number (R51)", async () => {
    const [original] = await database.db
      .select()
      .from(invoices)
      .where(eq(invoices.customerId, ids.privateUser!));
    const note = await creditInvoice(world.deps, finance, original!.id);
    expect(note).toMatchObject({
      kind: "credit-note",
      number: "08-VLT-000001",
      total: -847,
      vatTotal: -147,
      creditsInvoiceId: original!.id,
    });
    const [originalLines, noteLines] = [await linesOf(original!.id), await linesOf(note.id)];
    expect(noteLines.map((l) => [l.kind, l.net, l.transactionId])).toEqual(
      originalLines.map((l) => [l.kind, -l.net, l.transactionId]),
    );
    const [credited] = await database.db.select().from(invoices).where(eq(invoices.id, original!.id));
    expect(credited!.status).toBe("credited");
    await expect(creditInvoice(world.deps, finance, original!.id)).rejects.toMatchObject({
      code: "conflict",
    });
    const rerun = await runInvoicing(world.deps, world.actor, {
      providerId: world.providerId,
      period: "2026-10",
      trigger: "manual",
    });
    expect(rerun.invoices.map((i) => [i.customerId, i.number, i.total])).toEqual([
      [ids.privateUser, "03-VLT-000006", 847],
    ]);
  });
});
