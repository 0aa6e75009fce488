import { type Database, transactions } from "@voltlane/db";
import { createTestDatabase } from "@voltlane/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CustomerPrincipal, SystemPrincipal } from "../auth/principal";
import { staffPrincipal } from "../auth/principal.fixtures";
import { aCustomer, aProvider } from "../authorization/assets.fixtures";
import { exportTransactionsCsv, listTransactions, transactionBatches } from "./list-transactions";

let database: Database;
const ids = { providerId: "", otherProviderId: "", driver: "", company: "", stranger: "" };

const staff = (providerId: string, roles: SystemPrincipal["roles"] = ["admin"]) =>
  staffPrincipal(providerId, roles);
const customer = (customerId: string, role: CustomerPrincipal["role"]): CustomerPrincipal => ({
  kind: "customer",
  userId: "00000000-0000-0000-0000-0000000000f2",
  providerId: ids.providerId,
  customerId,
  customerType: role === "company_admin" ? "company" : "private",
  role,
  companyId: null,
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  ids.providerId = (await aProvider(db)).id;
  ids.otherProviderId = (await aProvider(db)).id;
  ids.driver = (await aCustomer(db, ids.providerId)).id;
  ids.company = (await aCustomer(db, ids.providerId, { type: "company" })).id;
  ids.stranger = (await aCustomer(db, ids.otherProviderId)).id;
  // 60 sessions of the driver, the company pays every third; several share a start time to the
  // microsecond (ties are ordered by the OCPP id), so that batches must not skip or repeat any.
  const base = Date.parse("2026-10-01T08:00:00Z");
  const rows = Array.from({ length: 60 }, (_, i) => ({
    providerId: ids.providerId,
    ocppTransactionId: 1 + i,
    chargePointId: i % 2 ? "LT-CP-1" : "LT-CP-2",
    connectorId: 1,
    idTag: `LT${i}`,
    startedAt: new Date(base + Math.floor(i / 4) * 3_600_000),
    meterStartWh: 0,
    energyWh: 1000 + i,
    status: "completed",
    userCustomerId: ids.driver,
    payerCustomerId: i % 3 === 0 ? ids.company : ids.driver,
  }));
  await db.insert(transactions).values(rows);
  await db.insert(transactions).values({
    providerId: ids.otherProviderId,
    ocppTransactionId: 1,
    chargePointId: "LT-ELSEWHERE",
    connectorId: 1,
    idTag: "LTX",
    startedAt: new Date(base),
    meterStartWh: 0,
    status: "completed",
    userCustomerId: ids.stranger,
    payerCustomerId: ids.stranger,
  });
  // Microseconds that JavaScript dates cannot hold: the keyset must still continue exactly.
  await db.execute(
    sql`update transactions set started_at = started_at + interval '123 microseconds' where id_tag in ('LT8', 'LT9')`,
  );
  // Statistics as autovacuum keeps them: the estimate above the bound comes from them.
  await db.execute(sql`analyze transactions`);
}, 120_000);
afterAll(async () => database?.close());

describe("listTransactions", () => {
  it("pages newest first with an exact total while the count stays under the bound", async () => {
    const page1 = await listTransactions(deps(), staff(ids.providerId), { page: 1, pageSize: 25 });
    expect(page1).toMatchObject({ total: 60, totalExact: true, page: 1, pageSize: 25 });
    expect(page1.items.map((t) => t.ocppTransactionId).slice(0, 5)).toEqual([60, 59, 58, 57, 56]);
    const page3 = await listTransactions(deps(), staff(ids.providerId), { page: 3, pageSize: 25 });
    expect(page3.items).toHaveLength(10);
    expect(page3).toMatchObject({ total: 60, totalExact: true });
    const beyond = await listTransactions(deps(), staff(ids.providerId), { page: 9, pageSize: 25 });
    expect(beyond).toMatchObject({ items: [], total: 60, totalExact: true });
  });

  it("gives the database's estimate, flagged, above the bound", async () => {
    const page = await listTransactions(deps(), staff(ids.providerId), { page: 1, pageSize: 10 }, 20);
    expect(page.totalExact).toBe(false);
    expect(page.total).toBeGreaterThan(20);
    expect(page.items).toHaveLength(10);
    const filtered = await listTransactions(
      deps(),
      staff(ids.providerId),
      { page: 1, pageSize: 10, chargePointId: "LT-CP-1", customerId: ids.company },
      20,
    );
    expect(filtered).toMatchObject({ total: 10, totalExact: true });
  });

  it("counts only what the principal may see (R4, R64)", async () => {
    const company = await listTransactions(deps(), customer(ids.company, "company_admin"), {
      page: 1,
      pageSize: 5,
    });
    expect(company).toMatchObject({ total: 20, totalExact: true });
    expect(company.items.every((t) => t.payerCustomerId === ids.company)).toBe(true);
    const other = await listTransactions(deps(), staff(ids.otherProviderId), { page: 1, pageSize: 50 });
    expect(other.items.map((t) => t.chargePointId)).toEqual(["LT-ELSEWHERE"]);
  });
});

describe("transaction exports", () => {
  it("streams every row once, in list order, across batch boundaries and equal start times", async () => {
    const listed = await listTransactions(deps(), staff(ids.providerId), { page: 1, pageSize: 100 });
    const batches = await collect(transactionBatches(deps(), staff(ids.providerId), {}, 7));
    expect(batches.map((b) => b.length)).toEqual([7, 7, 7, 7, 7, 7, 7, 7, 4]);
    expect(batches.flat().map((t) => t.id)).toEqual(listed.items.map((t) => t.id));
    const sorted = await collect(
      transactionBatches(deps(), staff(ids.providerId), { sort: "energyWh", order: "asc" }, 7),
    );
    expect(sorted.flat().map((t) => t.energyWh)).toEqual(Array.from({ length: 60 }, (_, i) => 1000 + i));
  });

  it("writes the CSV of the principal's rows only, header first", async () => {
    const chunks = await collect(
      exportTransactionsCsv(deps(), customer(ids.company, "company_admin"), { chargePointId: "LT-CP-1" }),
    );
    const lines = chunks.join("").split("\r\n");
    expect(lines[0]).toBe(
      "id,chargePointId,connectorId,chargeCardId,startedAt,stoppedAt,energyWh,cost,currency,payerCustomerId,receiverCustomerId,status",
    );
    expect(lines.slice(1, -1)).toHaveLength(10);
    expect(lines.slice(1, -1).every((l) => l.includes(`,${ids.company},`))).toBe(true);
    expect(lines.at(-1)).toBe("");
  });

  it("refuses a principal without access before any byte is produced", () => {
    expect(() => exportTransactionsCsv(deps(), staff(ids.providerId, []), {})).toThrow(/not allowed/);
  });
});

function deps() {
  return { db: database.db };
}

describe("an active session's energy", () => {
  it("is read from its last register, in the list and in its sort order", async () => {
    const { db } = database;
    const providerId = (await aProvider(db)).id;
    const session = { providerId, chargePointId: "LIVE-CP", connectorId: 1, startedAt: new Date() };
    await db.insert(transactions).values([
      // energy_wh is written at the stop; while active, the writer moves only last_meter_wh.
      {
        ...session,
        ocppTransactionId: 1,
        idTag: "LIVE",
        meterStartWh: 5_000,
        lastMeterWh: 5_750,
        energyWh: 0,
      },
      {
        ...session,
        ocppTransactionId: 2,
        idTag: "DONE",
        meterStartWh: 0,
        energyWh: 500,
        status: "completed",
      },
      { ...session, ocppTransactionId: 3, idTag: "FRESH", meterStartWh: 9_000, energyWh: 0 },
    ]);
    const page = await listTransactions(deps(), staff(providerId), {
      page: 1,
      pageSize: 10,
      sort: "energyWh",
      order: "desc",
    });
    expect(page.items.map((t) => [t.idTag, t.status, t.energyWh])).toEqual([
      ["LIVE", "active", 750],
      ["DONE", "completed", 500],
      ["FRESH", "active", 0],
    ]);
  });
});
