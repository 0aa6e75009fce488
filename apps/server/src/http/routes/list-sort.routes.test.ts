import {
  auditSortFields,
  chargeCardSortFields,
  chargeGroupSortFields,
  chargePointSortFields,
  customerSortFields,
  invoiceSortFields,
  paymentSortFields,
  payoutSortFields,
  systemUserSortFields,
  tariffSortFields,
  ticketSortFields,
  transactionSortFields,
} from "@voltlane/contracts";
import { chargePoints, transactions } from "@voltlane/db";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient, TestServer } from "../../../../../test/helpers/test-server";
import { aCustomerLogin, startAdminServer } from "./charging-assets.fixtures";

type Tx = { id: string; energyWh: number; startedAt: string; chargePointId: string };

describe("sorted lists (?sort=&order=) and the transactions XLSX export", () => {
  let server: TestServer;
  let admin: ApiClient;
  let alice: ApiClient;
  let aliceId: string;
  let bobId: string;
  let ocppId = 1;

  async function aSession(values: Partial<typeof transactions.$inferInsert>, providerId: string) {
    const n = ocppId++;
    const [row] = await server.core.db
      .insert(transactions)
      .values({
        providerId,
        ocppTransactionId: n,
        chargePointId: "SORT-CP-1",
        connectorId: 1,
        idTag: `SORT${n}`,
        meterStartWh: 0,
        status: "completed",
        currency: "EUR",
        startedAt: new Date(Date.UTC(2026, 10, 1, n)),
        ...values,
      })
      .returning();
    return row!;
  }

  beforeAll(async () => {
    const started = await startAdminServer();
    ({ server, admin } = started);
    const providerId = started.providerId;
    const a = await aCustomerLogin(server, providerId, { name: "Alice" });
    alice = a.api;
    aliceId = a.customer.id;
    bobId = (await aCustomerLogin(server, providerId, { name: "Bob" })).customer.id;
    await server.core.db.insert(chargePoints).values([
      { id: "SORT-CP-1", providerId, name: "Beta" },
      { id: "SORT-CP-2", providerId, name: "Alpha" },
      { id: "SORT-CP-3", providerId, name: "Gamma" },
    ]);
    const alices = { userCustomerId: aliceId, payerCustomerId: aliceId };
    // Two sessions with equal energy: the id decides between them, the same way on every page.
    await aSession(
      { ...alices, energyWh: 5_000, costNet: 1235, stoppedAt: new Date("2026-11-02T10:00:00Z") },
      providerId,
    );
    await aSession({ ...alices, energyWh: 1_000, costNet: 250 }, providerId);
    await aSession({ ...alices, energyWh: 3_000, costNet: null, currency: null }, providerId);
    await aSession({ ...alices, energyWh: 3_000, costNet: 700, chargePointId: "=HYPERLINK(1)" }, providerId);
    await aSession(
      { userCustomerId: bobId, payerCustomerId: bobId, energyWh: 9_000, costNet: 99 },
      providerId,
    );
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  const listOf = async (api: ApiClient, query: string) => {
    const res = await api.get<{ items: Tx[]; total: number }>(`/api/v1/transactions?${query}`);
    expect(res.status).toBe(200);
    return res.body.items;
  };

  it("sorts the whole list in both orders, ties by id", async () => {
    const asc = await listOf(admin, "sort=energyWh&order=asc");
    const desc = await listOf(admin, "sort=energyWh&order=desc");
    expect(asc.map((t) => t.energyWh)).toEqual([1_000, 3_000, 3_000, 5_000, 9_000]);
    expect(desc.map((t) => t.energyWh)).toEqual([9_000, 5_000, 3_000, 3_000, 1_000]);
    const ties = asc.filter((t) => t.energyWh === 3_000).map((t) => t.id);
    expect(ties).toEqual([...ties].sort());
    expect(desc.map((t) => t.id)).toEqual(asc.map((t) => t.id).reverse());
    // `order` defaults to asc once a field is given.
    expect((await listOf(admin, "sort=energyWh")).map((t) => t.id)).toEqual(asc.map((t) => t.id));
  });

  it("pages through a sorted list without repeating or skipping a row", async () => {
    const ids: string[] = [];
    for (let page = 1; page <= 5; page++) {
      ids.push(...(await listOf(admin, `sort=energyWh&order=desc&pageSize=1&page=${page}`)).map((t) => t.id));
    }
    expect(ids).toEqual((await listOf(admin, "sort=energyWh&order=desc")).map((t) => t.id));
  });

  it("keeps the default order (newest first) without sort", async () => {
    const started = (await listOf(admin, "")).map((t) => t.startedAt);
    expect(started).toEqual([...started].sort().reverse());
  });

  it("refuses an unknown field or order with 400 validation_failed", async () => {
    for (const query of ["sort=passwordHash", "sort=energyWh&order=up", "sort=energyWh;drop"]) {
      const res = await admin.get(`/api/v1/transactions?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
    }
    expect((await admin.get("/api/v1/customers?sort=iban")).status).toBe(400);
  });

  it("keeps a customer's scope whatever the order", async () => {
    const mine = await listOf(alice, "sort=energyWh&order=desc");
    expect(mine.map((t) => t.energyWh)).toEqual([5_000, 3_000, 3_000, 1_000]);
    const customers = await alice.get<{ items: { id: string }[] }>("/api/v1/customers?sort=name&order=desc");
    expect(customers.body.items.map((c) => c.id)).toEqual([aliceId]);
  });

  it("sorts charge points and customers on text fields", async () => {
    const res = await admin.get<{ items: { name: string }[] }>(
      "/api/v1/charge-points?sort=name&order=desc&q=SORT-CP",
    );
    expect(res.body.items.map((c) => c.name)).toEqual(["Gamma", "Beta", "Alpha"]);
    const people = await admin.get<{ items: { id: string }[] }>("/api/v1/customers?sort=name&order=asc&q=o");
    const ids = people.body.items.map((c) => c.id);
    expect(ids.indexOf(aliceId)).toBeLessThan(ids.indexOf(bobId));
  });

  // Every whitelisted field runs in both orders on the database (PGlite and PostgreSQL).
  const lists: [string, readonly string[]][] = [
    ["/transactions", transactionSortFields],
    ["/customers", customerSortFields],
    ["/charge-points", chargePointSortFields],
    ["/charge-cards", chargeCardSortFields],
    ["/charge-groups", chargeGroupSortFields],
    ["/tariffs", tariffSortFields],
    ["/invoices", invoiceSortFields],
    ["/payments", paymentSortFields],
    ["/payouts", payoutSortFields],
    ["/tickets", ticketSortFields],
    ["/system-users", systemUserSortFields],
    ["/audit", auditSortFields],
  ];
  it.each(lists)("GET %s accepts each of its sort fields in both orders", async (path, fields) => {
    for (const field of fields) {
      for (const order of ["asc", "desc"]) {
        const res = await admin.get(`/api/v1${path}?sort=${field}&order=${order}`);
        expect(res.status, `${path} ${field} ${order}`).toBe(200);
      }
    }
  });

  it("documents sort and order in the OpenAPI document", async () => {
    const doc = await admin.get("/api/openapi.json");
    const params = doc.body.paths["/api/v1/transactions"].get.parameters as {
      name: string;
      schema: { enum?: string[] };
    }[];
    expect(params.find((p) => p.name === "sort")?.schema.enum).toEqual([...transactionSortFields]);
    expect(params.find((p) => p.name === "order")?.schema.enum).toEqual(["asc", "desc"]);
    expect(params.find((p) => p.name === "format")?.schema.enum).toContain("xlsx");
  });

  it("exports every matching row as XLSX: same columns as the CSV, typed cells, own rows only", async () => {
    const res = await alice.raw("/api/v1/transactions?format=xlsx&sort=energyWh&order=desc");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toContain("transactions.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const csv = await (await alice.raw("/api/v1/transactions?format=csv&sort=energyWh&order=desc")).text();
    const csvLines = csv.trim().split("\r\n");
    expect(header.join(",")).toBe(csvLines[0]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.rowCount).toBe(5); // header + Alice's 4 sessions, not Bob's
    const col = (name: string) => header.indexOf(name) + 1;
    const rows = [2, 3, 4, 5].map((n) => sheet.getRow(n));
    expect(rows.map((r) => r.getCell(col("id")).value)).toEqual(
      csvLines.slice(1).map((l) => l.split(",")[0]),
    );
    expect(rows.map((r) => r.getCell(col("energyWh")).value)).toEqual([5_000, 3_000, 3_000, 1_000]);
    const first = rows[0]!;
    expect(first.getCell(col("cost")).value).toBe(12.35);
    expect(first.getCell(col("cost")).numFmt).toBe("0.00");
    expect(first.getCell(col("currency")).value).toBe("EUR");
    expect(first.getCell(col("connectorId")).value).toBe(1);
    expect(first.getCell(col("startedAt")).value).toBeInstanceOf(Date);
    expect((first.getCell(col("stoppedAt")).value as Date).toISOString()).toBe("2026-11-02T10:00:00.000Z");
    const cells = rows.map((r) => r.getCell(col("chargePointId")).value);
    expect(cells).toContain("'=HYPERLINK(1)");
    const unpriced = rows.find((r) => r.getCell(col("currency")).value === null);
    expect(unpriced?.getCell(col("cost")).value).toBeNull();
  });
});
