import { auditEntries } from "@voltlane/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient, TestServer } from "../../../../../test/helpers/test-server";
import { aCustomerLogin, anotherProvider, aStaff, startAdminServer } from "./charging-assets.fixtures";

// §6 Profile: VAT entities, IBAN and the SEPA mandate; "Billing data" is own scope for customers.
describe("customer billing data over HTTP (VAT entities, mandates)", () => {
  let server: TestServer;
  let admin: ApiClient;
  let providerId: string;

  beforeAll(async () => {
    ({ server, admin, providerId } = await startAdminServer());
  });
  afterAll(async () => server?.close());

  it("lets a company admin add VAT entities and sign a mandate for its IBAN; signing again replaces it", async () => {
    const { customer: company, api } = await aCustomerLogin(server, providerId, {
      type: "company",
      name: "Billing BV",
      customerNumber: "BILL-1",
    });
    const noIban = await api.post(`/api/v1/customers/${company.id}/mandates`, {});
    expect(noIban.status).toBe(422);
    expect(noIban.body.error.details.rule).toBe("R12");
    expect(
      (await api.patch(`/api/v1/customers/${company.id}`, { iban: "NL91 ABNA 0417 1643 00" })).status,
    ).toBe(200);

    const vat = await api.post(`/api/v1/customers/${company.id}/vat-entities`, {
      invoiceName: "Billing BV Amsterdam",
      vatNumber: "nl 8208.32.493.B01",
    });
    expect(vat.status).toBe(201);
    expect(vat.body).toMatchObject({ vatNumber: "NL820832493B01", status: "unchecked" });
    const again = await api.post(`/api/v1/customers/${company.id}/vat-entities`, {
      invoiceName: "Twice",
      vatNumber: "NL820832493B01",
    });
    expect(again.status).toBe(409);
    const bad = await api.post(`/api/v1/customers/${company.id}/vat-entities`, {
      invoiceName: "Bad",
      vatNumber: "XX123",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe("vatNumber");

    const first = await api.post(`/api/v1/customers/${company.id}/mandates`, {});
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      reference: "BILL-1-M001",
      scheme: "b2b",
      iban: "NL91ABNA0417164300",
      status: "active",
    });
    const second = await api.post(`/api/v1/customers/${company.id}/mandates`, { scheme: "core" });
    expect(second.body).toMatchObject({ reference: "BILL-1-M002", scheme: "core", status: "active" });
    const records = await api.get(`/api/v1/customers/${company.id}/billing`);
    expect(records.status).toBe(200);
    expect(records.body.vatEntities.map((v: { vatNumber: string }) => v.vatNumber)).toEqual([
      "NL820832493B01",
    ]);
    expect(
      records.body.mandates.map((m: { reference: string; status: string }) => [m.reference, m.status]),
    ).toEqual([
      ["BILL-1-M002", "active"],
      ["BILL-1-M001", "revoked"],
    ]);
    const revoked = await api.post(`/api/v1/customers/${company.id}/mandates/${second.body.id}/revoke`, {});
    expect(revoked.body.status).toBe("revoked");
    expect(
      (await api.post(`/api/v1/customers/${company.id}/mandates/${second.body.id}/revoke`, {})).status,
    ).toBe(404);
    const audit = await server.core.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.action, "mandate.sign"), eq(auditEntries.entityId, first.body.id)));
    expect(audit).toHaveLength(1);
  });

  it("shows a private user its own mandate; VAT entities are for companies only", async () => {
    const { customer, api } = await aCustomerLogin(server, providerId, {
      type: "private",
      iban: "NL02ABNA0123456789",
    });
    const mandate = await api.post(`/api/v1/customers/${customer.id}/mandates`, {});
    expect(mandate.body).toMatchObject({ scheme: "core", status: "active" });
    expect((await api.get(`/api/v1/customers/${customer.id}/billing`)).body.mandates).toHaveLength(1);
    const vat = await api.post(`/api/v1/customers/${customer.id}/vat-entities`, {
      invoiceName: "Me",
      vatNumber: "NL820832493B01",
    });
    expect(vat.status).toBe(422);
  });

  it("never shows or changes another customer's billing data (R4), and respects staff roles", async () => {
    const { customer: victim } = await aCustomerLogin(server, providerId, {
      type: "company",
      iban: "NL02ABNA0123456789",
    });
    const { api: stranger } = await aCustomerLogin(server, providerId, { type: "company" });
    expect((await stranger.get(`/api/v1/customers/${victim.id}/billing`)).status).toBe(404);
    expect((await stranger.post(`/api/v1/customers/${victim.id}/mandates`, {})).status).toBe(404);
    const other = await aStaff(server, await anotherProvider(server), ["admin"]);
    expect((await other.get(`/api/v1/customers/${victim.id}/billing`)).status).toBe(404);
    const viewer = await aStaff(server, providerId, ["viewer"]);
    expect((await viewer.get(`/api/v1/customers/${victim.id}/billing`)).status).toBe(200);
    expect((await viewer.post(`/api/v1/customers/${victim.id}/mandates`, {})).status).toBe(403);
    // Operations has no billing rights at all: the data is reported as absent, not as forbidden.
    const operations = await aStaff(server, providerId, ["operations"]);
    expect((await operations.get(`/api/v1/customers/${victim.id}/billing`)).status).toBe(404);
    expect((await admin.post(`/api/v1/customers/${victim.id}/mandates`, {})).status).toBe(201);
  });
});
