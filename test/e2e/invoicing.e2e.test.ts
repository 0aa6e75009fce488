import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createChargePoint } from "@voltlane/charge-point-simulator";
import { fixedClock, hashPassword } from "@voltlane/core";
import {
  attachments,
  chargeCards,
  chargeGroups,
  chargePoints,
  customers,
  directDebitMandates,
  loginUsers,
  providers,
  tariffs,
  vatEntities,
} from "@voltlane/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, startTestServer, type TestServer } from "../helpers/test-server";

/**
 * Issue #4 acceptance, from outside: sessions driven over OCPP with October timestamps, then the
 * October run over HTTP. Assets are set up in the database (the assets API is another feature).
 */
describe("invoicing acceptance: home charging, public charging, reruns, numbers, PDF, credit note", () => {
  let server: TestServer;
  let admin: ApiClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer({
      clock: fixedClock("2026-11-16T09:00:00Z"),
      env: { DATA_DIR: mkdtempSync(join(tmpdir(), "voltlane-e2e-")), JOBS: "false" },
    });
    admin = await server.login(server.admin.email, server.admin.password);
    await seedAssets(server, ids);
    const url = `${server.url.replace("http", "ws")}/ocpp`;
    // Employee at home, company card: 12 345 Wh on 5 October, 18:00 UTC.
    await driveSession(url, "CP-HOME-1", "AA000001", "2026-10-05T18:00:00Z", 12_345);
    // Private user at a public charger: 20 000 Wh on 12 October.
    await driveSession(url, "CP-PUB-1", "AA000002", "2026-10-12T08:00:00Z", 20_000);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  let run: any;
  it("runs October into a company cost invoice, an employee reimbursement, a private invoice and a self-bill", async () => {
    const res = await admin.post("/api/v1/invoice-runs", { period: "2026-10" });
    expect(res.status).toBe(201);
    run = res.body;
    expect(run).toMatchObject({ period: "2026-10", status: "completed" });
    expect(run.invoices).toHaveLength(4);

    const company = await invoiceOf(admin, ids.company!, "cost");
    // 12.345 kWh × 0.2234 = 2.757873 → 276 cents (R2 half-up), outside VAT scope (R43).
    expect(company.lines.map((l: any) => [l.kind, l.net, l.vatScope])).toEqual([
      ["home_charging_cost", 276, "outside_scope"],
    ]);
    expect(company).toMatchObject({ total: 276, vatTotal: 0, currency: "EUR" });
    const reimbursement = await invoiceOf(admin, ids.employee!, "reimbursement");
    expect(reimbursement).toMatchObject({ total: 276, vatTotal: 0 });
    expect(reimbursement.lines[0]).toMatchObject({
      kind: "home_reimbursement",
      net: 276,
      vatScope: "outside_scope",
    });

    const privateInvoice = await invoiceOf(admin, ids.privateUser!, "cost");
    // 20 kWh × 0.35 = 700 net, 21 % VAT = 147.
    expect(privateInvoice).toMatchObject({ netTotal: 700, vatTotal: 147, total: 847 });
    expect(privateInvoice.lines[0]).toMatchObject({
      kind: "session_cost",
      vatScope: "standard",
      vatRate: "21.00",
    });
    expect(privateInvoice.vatBreakdown).toEqual([{ scope: "standard", rate: "21.00", net: 700, vat: 147 }]);
  });

  it("adds nothing on a second run and numbers the series without gaps", async () => {
    const again = await admin.post("/api/v1/invoice-runs", { period: "2026-10" });
    expect(again.status).toBe(201);
    expect(again.body.invoices).toEqual([]);
    const all = await admin.get("/api/v1/invoices?pageSize=100");
    expect(all.body.total).toBe(4);
    const numbers = all.body.items.map((i: any) => i.number).sort();
    expect(numbers).toEqual(["03-VLT-000001", "03-VLT-000002", "03-VLT-000003", "03-VLT-000004"]);
    const runs = await admin.get("/api/v1/invoice-runs");
    expect(runs.body.items.map((r: any) => r.invoices.length).sort()).toEqual([0, 4]);
    expect((await admin.get(`/api/v1/invoice-runs/${run.id}`)).body.invoices).toHaveLength(4);
  });

  it("refuses a period that has not ended (R55)", async () => {
    const res = await admin.post("/api/v1/invoice-runs", { period: "2026-11" });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toMatchObject({ rule: "R55" });
  });

  it("serves a PDF that shows the number and the totals", async () => {
    const invoice = await invoiceOf(admin, ids.privateUser!, "cost");
    const res = await admin.raw(`/api/v1/invoices/${invoice.id}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const file = join(mkdtempSync(join(tmpdir(), "voltlane-pdf-")), "invoice.pdf");
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString();
    expect(text).toContain(invoice.number);
    expect(text).toContain("Total: EUR 8.47");
    expect(text).toContain("VAT total: EUR 1.47");
    const csv = await admin.raw(`/api/v1/invoices/${invoice.id}/sessions.csv`);
    expect(await csv.text()).toMatch(/CP-PUB-1/);
  });

  it("reverses an invoice 1:1 with a credit note in series 08", async () => {
    const original = await invoiceOf(admin, ids.company!, "cost");
    const res = await admin.post(`/api/v1/invoices/${original.id}/credit`);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: "credit-note",
      number: "08-VLT-000001",
      total: -276,
      creditsInvoiceId: original.id,
    });
    expect(res.body.lines.map((l: any) => [l.kind, l.net])).toEqual(
      original.lines.map((l: any) => [l.kind, -l.net]),
    );
    expect((await admin.get(`/api/v1/invoices/${original.id}`)).body.status).toBe("credited");
    expect((await admin.post(`/api/v1/invoices/${original.id}/credit`)).status).toBe(409);
  });

  it("records a payment, lists it, and keeps products with tariffs", async () => {
    const invoice = await invoiceOf(admin, ids.privateUser!, "cost");
    const paid = await admin.post(`/api/v1/invoices/${invoice.id}/payments`, {
      amount: invoice.total,
      method: "bank_transfer",
      receivedAt: "2026-11-20T10:00:00Z",
      externalRef: "BANK-1",
    });
    expect(paid.status).toBe(201);
    expect((await admin.get(`/api/v1/invoices/${invoice.id}`)).body.settlement).toBe("paid");
    const payments = await admin.get(`/api/v1/payments?invoiceId=${invoice.id}`);
    expect(payments.body.items).toMatchObject([
      { invoiceId: invoice.id, amount: 847, method: "bank_transfer" },
    ]);
    const product = await admin.post("/api/v1/products", {
      name: "Card fee",
      kind: "card_subscription",
      frequency: "monthly",
      price: "1.2500",
      vatRate: "21.00",
    });
    expect(product.status).toBe(201);
    const subscription = await admin.post("/api/v1/subscriptions", {
      productId: product.body.id,
      payerCustomerId: ids.privateUser,
      startMonth: "2026-11",
    });
    expect(subscription.status).toBe(201);
    expect((await admin.get("/api/v1/products")).body.items).toHaveLength(1);
    const dd = await admin.post("/api/v1/payments/direct-debits/export", { collectionDate: "2026-11-20" });
    expect(dd.status).toBe(201);
    expect(dd.body.xml).toContain("pain.008.001.02");
  });

  it("lets customers see only their own invoices (R4, R64)", async () => {
    const mine = await server.login("private@e2e.test", "private-password-1");
    const list = await mine.get("/api/v1/invoices");
    expect(list.status).toBe(200);
    expect(list.body.items.every((i: any) => i.customerId === ids.privateUser)).toBe(true);
    const other = await invoiceOf(admin, ids.employee!, "reimbursement");
    expect((await mine.get(`/api/v1/invoices/${other.id}`)).status).toBe(404);
    expect((await mine.post("/api/v1/invoice-runs", { period: "2026-10" })).status).toBe(403);
    expect((await mine.get("/api/v1/payments")).status).toBe(403);
    const pdf = await mine.raw(`/api/v1/invoices/${list.body.items[0].id}/pdf`);
    expect(pdf.status).toBe(200);
  });
});

async function invoiceOf(client: ApiClient, customerId: string, kind: string) {
  const res = await client.get(`/api/v1/invoices?customerId=${customerId}&kind=${kind}&status=issued`);
  expect(res.body.items).toHaveLength(1);
  return res.body.items[0];
}

async function driveSession(url: string, identity: string, idTag: string, at: string, energyWh: number) {
  const cp = createChargePoint({ url, identity, clock: () => new Date(at), reconnect: false });
  try {
    await cp.start();
    const result = await cp.runSession({
      connectorId: 1,
      idTag,
      energyWh,
      durationS: 3_600,
      timeScale: 7_200,
    });
    expect(result.status).toBe("Accepted");
  } finally {
    await cp.close();
  }
}

async function seedAssets(server: TestServer, ids: Record<string, string>) {
  const db = server.core.db;
  const [provider] = await db.select().from(providers);
  const providerId = provider!.id;
  await db
    .update(providers)
    .set({ legalName: "Voltlane B.V.", vatNumber: "NL123456789B01", iban: "NL91ABNA0417164300" })
    .where(eq(providers.id, providerId));
  const customer = async (
    values: Partial<typeof customers.$inferInsert> & { name: string; type: string },
  ) => {
    const [row] = await db
      .insert(customers)
      .values({ providerId, customerNumber: values.name, address: { country: "NL" }, ...values })
      .returning();
    return row!;
  };
  const company = await customer({
    name: "Acme BV",
    type: "company",
    iban: "NL02RABO0123456789",
    invoiceEmail: "ap@acme.test",
  });
  await db.insert(vatEntities).values({
    providerId,
    customerId: company.id,
    invoiceName: "Acme BV",
    vatNumber: "NL000099998B57",
    status: "valid",
  });
  await db.insert(directDebitMandates).values({
    providerId,
    customerId: company.id,
    reference: "M-1",
    signedAt: new Date("2026-01-01"),
    iban: company.iban!,
  });
  const employee = await customer({
    name: "Eva Employee",
    type: "employee",
    companyId: company.id,
    iban: "NL44RABO0123456789",
    invoiceEmail: "eva@e2e.test",
  });
  const privateUser = await customer({
    name: "Piet Private",
    type: "private",
    invoiceEmail: "private@e2e.test",
  });
  const owner = await customer({ name: "Parking Owner BV", type: "company" });
  Object.assign(ids, {
    company: company.id,
    employee: employee.id,
    privateUser: privateUser.id,
    owner: owner.id,
  });
  await db.insert(loginUsers).values({
    providerId,
    customerId: privateUser.id,
    email: "private@e2e.test",
    name: "Piet Private",
    passwordHash: await hashPassword("private-password-1"),
    role: "private_user",
  });

  const [home] = await db
    .insert(tariffs)
    .values({ providerId, name: "Home rate", currency: "EUR", energyPrice: "0.2234", vatRate: "21.00" })
    .returning();
  const [pub] = await db
    .insert(tariffs)
    .values({ providerId, name: "Public", currency: "EUR", energyPrice: "0.3500", vatRate: "21.00" })
    .returning();
  const [homeGroup] = await db
    .insert(chargeGroups)
    .values({
      providerId,
      code: "HOME-EVA",
      name: "Eva at home",
      type: "home",
      access: "attached",
      tariffId: home!.id,
    })
    .returning();
  const [pubGroup] = await db
    .insert(chargeGroups)
    .values({
      providerId,
      code: "PUBLIC",
      name: "Public",
      type: "other",
      access: "provider",
      tariffId: pub!.id,
    })
    .returning();
  await db.insert(chargePoints).values([
    {
      id: "CP-HOME-1",
      providerId,
      name: "Eva's charger",
      activation: "active",
      chargeGroupId: homeGroup!.id,
      ownerCustomerId: employee.id,
    },
    {
      id: "CP-PUB-1",
      providerId,
      name: "Public charger",
      activation: "active",
      chargeGroupId: pubGroup!.id,
      ownerCustomerId: owner.id,
    },
  ]);
  await db.insert(attachments).values({
    providerId,
    customerId: employee.id,
    assetType: "charge_group",
    assetId: homeGroup!.id,
    role: "group_member",
  });
  await db.insert(chargeCards).values([
    {
      providerId,
      externalId: "NL-VLT-000001-1",
      rfid: "AA000001",
      status: "active",
      customerId: employee.id,
      payerCustomerId: company.id,
    },
    {
      providerId,
      externalId: "NL-VLT-000002-1",
      rfid: "AA000002",
      status: "active",
      customerId: privateUser.id,
      payerCustomerId: privateUser.id,
    },
  ]);
}
