import { auditEntries, chargeCards } from "@voltlane/db";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient, TestServer } from "../../../../../test/helpers/test-server";
import {
  aCustomer,
  aCustomerLogin,
  anotherProvider,
  aStaff,
  startAdminServer,
} from "./charging-assets.fixtures";

describe("charge card CSV import over HTTP", () => {
  let server: TestServer;
  let admin: ApiClient;
  let providerId: string;
  const upload = (api: ApiClient, csv: string, query = "") =>
    api.raw(`/api/v1/charge-cards/import${query}`, {
      method: "POST",
      headers: { "content-type": "text/csv" },
      body: csv,
    });

  beforeAll(async () => {
    ({ server, admin, providerId } = await startAdminServer());
  });
  afterAll(async () => server?.close());

  it("imports every row in one go: normalised ids, attached to customers by number, audited", async () => {
    const company = await aCustomer(server, providerId, { type: "company", customerNumber: "C-IMP-1" });
    const employee = await aCustomer(server, providerId, {
      type: "employee",
      companyId: company.id,
      customerNumber: "E-IMP-1",
    });
    const csv = [
      "UID;Number;Name;Valid until;Customer;Roaming",
      "04:aa:01;imp-0001;Van 1;2027-12-31;E-IMP-1;yes",
      "04aa02;IMP-0002;;;;no",
      "",
    ].join("\n");
    const dry = await upload(admin, csv, "?dryRun=true");
    expect(dry.status).toBe(200);
    expect(await dry.json()).toEqual({ dryRun: true, imported: 2, attached: 1 });
    expect(
      await server.core.db.select().from(chargeCards).where(eq(chargeCards.rfid, "04AA01")),
    ).toHaveLength(0);

    const res = await upload(admin, csv);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ dryRun: false, imported: 2, attached: 1 });
    const cards = await server.core.db
      .select()
      .from(chargeCards)
      .where(inArray(chargeCards.rfid, ["04AA01", "04AA02"]));
    const first = cards.find((c) => c.rfid === "04AA01")!;
    expect(first).toMatchObject({
      externalId: "IMP-0001",
      label: "Van 1",
      status: "active",
      customerId: employee.id,
      payerCustomerId: company.id, // R26: an employee's card is paid by the company
      roamingAllowed: true,
    });
    expect(first.validUntil?.toISOString()).toBe("2027-12-31T23:59:59.999Z");
    expect(cards.find((c) => c.rfid === "04AA02")).toMatchObject({ status: "inactive", customerId: null });
    const audit = await server.core.db
      .select()
      .from(auditEntries)
      .where(
        and(
          eq(auditEntries.action, "card.register"),
          inArray(
            auditEntries.entityId,
            cards.map((c) => c.id),
          ),
        ),
      );
    expect(audit).toHaveLength(2);
  });

  it("reports every bad line with its code and imports nothing (all or nothing)", async () => {
    const other = await aCustomer(server, await anotherProvider(server), { customerNumber: "FOREIGN-1" });
    const csv = [
      "rfid,externalId,label,validUntil,customer",
      "05BB01,IMP-1001,ok,,",
      "zz-not-hex,IMP-1002,,,",
      "05BB03,,,,",
      "05BB04,IMP-1004,,31-12-2027,",
      "05bb01,IMP-1005,,,",
      "04AA01,IMP-1006,,,", // UID imported by the first test (R25)
      `05BB07,IMP-1007,,,${other.customerNumber}`, // another provider's customer: unknown here
      "05BB08,IMP-1008,,,NOPE",
    ].join("\r\n");
    const res = await upload(admin, csv);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
      [3, "invalid_rfid"],
      [4, "required"],
      [5, "invalid_date"],
      [6, "duplicate_in_file"],
      [7, "duplicate"],
      [8, "unknown_customer"],
      [9, "unknown_customer"],
    ]);
    const written = await server.core.db.select().from(chargeCards).where(eq(chargeCards.rfid, "05BB01"));
    expect(written).toHaveLength(0);
  });

  it("refuses a file without the id columns, and a body that is not CSV text", async () => {
    const res = await upload(admin, "name,customer\nx,y\n");
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.details.errors.map((e: { code: string; field: string }) => [e.code, e.field])).toEqual([
      ["missing_column", "rfid"],
      ["missing_column", "externalId"],
    ]);
    const json = await admin.post("/api/v1/charge-cards/import", { csv: "rfid,externalId\n01,X\n" });
    expect(json.status).toBe(400);
    const xml = await admin.raw("/api/v1/charge-cards/import", {
      method: "POST",
      headers: { "content-type": "application/xml" },
      body: "<cards/>",
    });
    expect(xml.status).toBe(415);
  });

  it("is for system users with card rights only", async () => {
    const csv = "rfid,externalId\n06CC01,IMP-2001\n";
    const { api: customer } = await aCustomerLogin(server, providerId, { type: "company" });
    expect((await upload(customer, csv)).status).toBe(403);
    const finance = await aStaff(server, providerId, ["finance"]);
    expect((await upload(finance, csv)).status).toBe(403);
    const support = await aStaff(server, providerId, ["support"]);
    expect((await upload(support, csv)).status).toBe(201);
  });
});
