import type { Database } from "@voltlane/db";
import { invoices, notifications, payments, payouts } from "@voltlane/db";
import { createTestDatabase } from "@voltlane/db/testing";
import { eq } from "drizzle-orm";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SystemPrincipal } from "../auth/principal";
import { billingWorld } from "../invoicing/billing.fixtures";
import { runInvoicing } from "../invoicing/run-invoicing";
import { exportDirectDebits } from "./export-direct-debits";
import { exportPayouts } from "./export-payouts";
import { importBankStatement } from "./import-bank-statement";
import { listPayments } from "./list-payments";
import { recordPayment } from "./record-payment";

// There are no XSDs in this repository: the SEPA files are checked for well-formedness with a small
// XML parser and for the structure and sums the bank reads (counts, control sums, references).
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", parseTagValue: false });

describe("payments, payouts and SEPA files (R12, R57, R58)", () => {
  let database: Database;
  let world: Awaited<ReturnType<typeof billingWorld>>;
  let finance: SystemPrincipal;
  const inv: Record<string, typeof invoices.$inferSelect> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    world = await billingWorld(database.db);
    finance = world.finance;
    const company = await world.customer("company", {
      name: "Acme",
      vat: "NL000099998B57",
      iban: "NL02RABO0123456789",
      mandate: true,
    });
    const employee = await world.customer("employee", { companyId: company.id, iban: "NL44RABO0123456789" });
    const privateUser = await world.customer("private");
    const owner = await world.customer("company", { name: "Owner" });
    await world.session({
      payer: company.id,
      receiver: employee.id,
      group: "home",
      stoppedAt: "2026-10-03T10:00:00Z",
      energyWh: 10_000,
      costNet: 250,
    });
    await world.session({
      payer: privateUser.id,
      receiver: owner.id,
      stoppedAt: "2026-10-04T10:00:00Z",
      energyWh: 10_000,
      costNet: 350,
    });
    const { invoices: created } = await runInvoicing(world.deps, world.actor, {
      providerId: world.providerId,
      period: "2026-10",
      trigger: "manual",
    });
    const pick = (customerId: string, kind: string) =>
      created.find((i) => i.customerId === customerId && i.kind === kind)!;
    Object.assign(inv, {
      company: pick(company.id, "cost"),
      reimbursement: pick(employee.id, "reimbursement"),
      privateCost: pick(privateUser.id, "cost"),
      selfBill: pick(owner.id, "self-bill"),
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  const settlementOf = async (id: string) =>
    (await database.db.select().from(invoices).where(eq(invoices.id, id)))[0]!.settlement;

  it("starts debits open and payouts pending, or on hold without an IBAN (R12)", async () => {
    expect(await settlementOf(inv.company!.id)).toBe("open");
    expect(await settlementOf(inv.reimbursement!.id)).toBe("payout_pending");
    expect(await settlementOf(inv.selfBill!.id)).toBe("on_hold");
    const holds = await database.db.select().from(payouts);
    expect(holds.map((p) => [p.invoiceId, p.status, p.dueDate]).sort()).toEqual(
      [
        [inv.reimbursement!.id, "pending", "2026-12-15"], // R57: 30 days
        [inv.selfBill!.id, "on_hold", "2026-12-30"], // 45 days
      ].sort(),
    );
  });

  it("collects mandated debits in a well-formed pain.008 batch", async () => {
    const batch = await exportDirectDebits(world.deps, finance, {
      collectionDate: "2026-11-20",
      creditorId: "NL00ZZZ123456780000",
    });
    expect(XMLValidator.validate(batch.xml)).toBe(true);
    const doc = parser.parse(batch.xml).Document;
    expect(doc["@xmlns"]).toBe("urn:iso:std:iso:20022:tech:xsd:pain.008.001.02");
    const header = doc.CstmrDrctDbtInitn.GrpHdr;
    expect([header.NbOfTxs, header.CtrlSum]).toEqual(["1", "2.50"]);
    const tx = doc.CstmrDrctDbtInitn.PmtInf.DrctDbtTxInf;
    expect(tx.InstdAmt).toEqual({ "#text": "2.50", "@Ccy": "EUR" });
    expect(tx.DrctDbtTx.MndtRltdInf.MndtId).toMatch(/^MNDT-/);
    // The mandate's first collection.
    expect(doc.CstmrDrctDbtInitn.PmtInf.PmtTpInf.SeqTp).toBe("FRST");
    expect(tx.DbtrAcct.Id.IBAN).toBe("NL02RABO0123456789");
    expect(tx.RmtInf.Ustrd).toBe(inv.company!.number);
    expect(await settlementOf(inv.company!.id)).toBe("collection_pending");
    // Without a mandate the private user's invoice is never debited (R12); a second export is empty.
    expect((await exportDirectDebits(world.deps, finance, { collectionDate: "2026-11-21" })).count).toBe(0);
  });

  it("pays out reimbursements in a well-formed pain.001 batch, never on-hold ones", async () => {
    const batch = await exportPayouts(world.deps, finance, { executionDate: "2026-12-31" });
    expect(XMLValidator.validate(batch.xml)).toBe(true);
    const doc = parser.parse(batch.xml).Document;
    expect(doc["@xmlns"]).toBe("urn:iso:std:iso:20022:tech:xsd:pain.001.001.03");
    const info = doc.CstmrCdtTrfInitn.PmtInf;
    expect([info.NbOfTxs, info.CtrlSum, info.ReqdExctnDt]).toEqual(["1", "2.50", "2026-12-31"]);
    expect(info.CdtTrfTxInf.CdtrAcct.Id.IBAN).toBe("NL44RABO0123456789");
    expect(info.CdtTrfTxInf.RmtInf.Ustrd).toBe(inv.reimbursement!.number);
  });

  it("records manual payments: partially paid, then paid", async () => {
    await recordPayment(world.deps, finance, inv.privateCost!.id, {
      amount: 100,
      method: "bank_transfer",
      receivedAt: "2026-11-20T10:00:00Z",
    });
    expect(await settlementOf(inv.privateCost!.id)).toBe("partially_paid");
    await expect(
      recordPayment(world.deps, { ...finance, roles: ["support"] }, inv.privateCost!.id, {
        amount: 1,
        method: "manual",
        receivedAt: "2026-11-20T10:00:00Z",
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    const list = await listPayments(world.deps, finance, {
      invoiceId: inv.privateCost!.id,
      page: 1,
      pageSize: 10,
    });
    expect(list.items.map((p) => [p.amount, p.method, p.status])).toEqual([
      [100, "bank_transfer", "succeeded"],
    ]);
  });

  it("matches a camt.053 statement by invoice number and amount, once", async () => {
    const privateRest = inv.privateCost!.total - 100;
    const statement = camt([
      { ref: "B-1", amount: "2.50", cd: "CRDT", text: `SEPA incasso ${inv.company!.number}` },
      { ref: "B-2", amount: cents(privateRest), cd: "CRDT", text: `Betaling ${inv.privateCost!.number}` },
      { ref: "B-3", amount: "2.50", cd: "DBIT", text: `Uitbetaling ${inv.reimbursement!.number}` },
      { ref: "B-4", amount: "9.99", cd: "CRDT", text: "unknown transfer" },
    ]);
    const result = await importBankStatement(world.deps, finance, statement);
    expect(result.matched).toBe(3);
    expect(result.unmatched).toEqual([{ reference: "B-4", amount: 999, text: "unknown transfer" }]);
    expect(await settlementOf(inv.company!.id)).toBe("paid");
    expect(await settlementOf(inv.privateCost!.id)).toBe("paid");
    expect(await settlementOf(inv.reimbursement!.id)).toBe("paid_out");
    const before = (await database.db.select().from(payments)).length;
    await importBankStatement(world.deps, finance, statement);
    expect((await database.db.select().from(payments)).length).toBe(before);
  });

  it("returns a reversed direct debit to open and tells the customer and finance (R58)", async () => {
    const statement = camt([
      { ref: "B-9", amount: "2.50", cd: "DBIT", text: `Storno ${inv.company!.number} MD06` },
    ]);
    expect((await importBankStatement(world.deps, finance, statement)).matched).toBe(1);
    expect(await settlementOf(inv.company!.id)).toBe("open");
    const [collection] = await database.db
      .select()
      .from(payments)
      .where(eq(payments.invoiceId, inv.company!.id));
    expect(collection!.status).toBe("reversed");
    const notes = await database.db
      .select()
      .from(notifications)
      .where(eq(notifications.template, "direct_debit_failed"));
    expect(notes.map((n) => n.channel).sort()).toEqual(["email", "in_app"]);
  });

  it("collects again under the same mandate as a recurring (RCUR) debit", async () => {
    const batch = await exportDirectDebits(world.deps, finance, { collectionDate: "2026-11-27" });
    expect(batch.count).toBe(1);
    const info = parser.parse(batch.xml).Document.CstmrDrctDbtInitn.PmtInf;
    expect(info.PmtTpInf.SeqTp).toBe("RCUR");
    expect(info.DrctDbtTxInf.InstdAmt["#text"]).toBe("2.50");
    const collections = await database.db
      .select()
      .from(payments)
      .where(eq(payments.invoiceId, inv.company!.id));
    expect(new Set(collections.map((c) => c.mandateId)).size).toBe(1);
    expect(collections[0]!.mandateId).not.toBeNull();
  });
});

function cents(minor: number): string {
  return `${Math.trunc(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;
}

function camt(entries: { ref: string; amount: string; cd: string; text: string }[]): string {
  const ntry = entries
    .map(
      (
        e,
      ) => `<Ntry><NtryRef>${e.ref}</NtryRef><Amt Ccy="EUR">${e.amount}</Amt><CdtDbtInd>${e.cd}</CdtDbtInd><Sts>BOOK</Sts>
<BookgDt><Dt>2026-11-22</Dt></BookgDt><AcctSvcrRef>${e.ref}</AcctSvcrRef>
<NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs><RmtInf><Ustrd>${e.text}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
<GrpHdr><MsgId>STMT-1</MsgId><CreDtTm>2026-11-22T18:00:00</CreDtTm></GrpHdr>
<Stmt><Id>1</Id><Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id></Acct>
${ntry}
</Stmt></BkToCstmrStmt></Document>`;
}
