import { customers } from "@voltlane/db";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, startTestServer, type TestServer } from "../../../../../test/helpers/test-server";

const address = { line1: "Stationsplein 1", postalCode: "1012 AB", city: "Amsterdam", country: "NL" };
const iban = "NL91ABNA0417164300";

describe("customers (foundation acceptance)", () => {
  let server: TestServer;
  let admin: ApiClient;
  let acme: { id: string };
  let globex: { id: string };
  let employee: { id: string };
  let globexEmployee: { id: string };
  let privateUser: { id: string };
  let acmeAdmin: ApiClient;
  let employeeLogin: ApiClient;
  let privateLogin: ApiClient;

  const customerCount = async () => (await server.core.db.select({ n: count() }).from(customers))[0]!.n;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login(server.admin.email, server.admin.password);
    const created = async (body: unknown) => {
      const res = await admin.post("/api/v1/customers", body);
      if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    acme = await created({
      type: "company",
      name: "Acme BV",
      email: "office@acme.test",
      address,
      vatNumber: "NL820832493B01",
      cocNumber: "12345678",
      iban,
      admin: { email: "Admin@Acme.test", name: "Alice Acme", password: "acme-admin-pw-1" },
    });
    employee = await created({
      type: "employee",
      companyId: acme.id,
      name: "Eve Employee",
      email: "eve@acme.test",
      webAccess: true,
      employeeNumber: "E-1",
      password: "eve-password-1",
    });
    globex = await created({
      type: "company",
      name: "Globex",
      email: "office@globex.test",
      address,
      admin: { email: "admin@globex.test", name: "Gary Globex", password: "globex-admin-pw" },
    });
    globexEmployee = await created({
      type: "employee",
      companyId: globex.id,
      name: "Gina Globex",
      email: "gina@globex.test",
      webAccess: false,
    });
    privateUser = await created({
      type: "private",
      name: "Paul Private",
      email: "paul@private.test",
      address,
      iban: "NL91 ABNA 0417 1643 00",
      password: "paul-password-1",
      termsAcceptedAt: "2026-01-02T03:04:05Z",
      termsVersion: "2026-01",
    });
    acmeAdmin = await server.login("admin@acme.test", "acme-admin-pw-1");
    employeeLogin = await server.login("eve@acme.test", "eve-password-1");
    privateLogin = await server.login("paul@private.test", "paul-password-1");
  });
  afterAll(async () => {
    await server?.close();
  });

  it("creates companies, employees and private users with numbers, VAT entity and terms", async () => {
    const res = await admin.get(`/api/v1/customers/${acme.id}`);
    expect(res.body).toMatchObject({
      type: "company",
      name: "Acme BV",
      vatNumber: "NL820832493B01",
      vatStatus: "unchecked",
      cocNumber: "12345678",
      iban,
    });
    expect(res.body.customerNumber).toMatch(/^C\d{6}$/);
    const emp = await admin.get(`/api/v1/customers/${employee.id}`);
    expect(emp.body).toMatchObject({ type: "employee", companyId: acme.id });
    expect(emp.body.employment).toMatchObject({ employeeNumber: "E-1", webAccess: true });
    const priv = await admin.get(`/api/v1/customers/${privateUser.id}`);
    expect(priv.body).toMatchObject({
      iban,
      termsVersion: "2026-01",
      termsAcceptedAt: "2026-01-02T03:04:05.000Z",
    });
    const list = await admin.get("/api/v1/customers?pageSize=100");
    const numbers = list.body.items.map((c: { customerNumber: string }) => c.customerNumber).sort();
    expect(numbers).toEqual(["C000001", "C000002", "C000003", "C000004", "C000005"]);
  });

  it("lets the first company's admin read its company and employee, and answers 404 for everything else", async () => {
    expect((await acmeAdmin.get(`/api/v1/customers/${acme.id}`)).status).toBe(200);
    const emp = await acmeAdmin.get(`/api/v1/customers/${employee.id}`);
    expect(emp.status).toBe(200);
    expect(emp.body.name).toBe("Eve Employee");
    for (const id of [globex.id, globexEmployee.id, privateUser.id]) {
      const res = await acmeAdmin.get(`/api/v1/customers/${id}`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("not_found");
      expect((await acmeAdmin.get(`/api/v1/customers/${id}/users`)).status).toBe(404);
      expect((await acmeAdmin.get(`/api/v1/customers/${id}/attachments`)).status).toBe(404);
      expect((await acmeAdmin.patch(`/api/v1/customers/${id}`, { name: "x" })).status).toBe(404);
    }
    const list = await acmeAdmin.get("/api/v1/customers");
    expect(list.body.items.map((c: { id: string }) => c.id).sort()).toEqual([acme.id, employee.id].sort());
    const employees = await acmeAdmin.get(`/api/v1/customers/${acme.id}/attachments`);
    expect(employees.body.employees).toEqual([
      expect.objectContaining({
        assetId: employee.id,
        name: "Eve Employee",
        role: "employee_of",
        validTo: null,
      }),
    ]);
  });

  it("shows employees and private users only themselves", async () => {
    const list = await employeeLogin.get("/api/v1/customers");
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([employee.id]);
    expect((await employeeLogin.get(`/api/v1/customers/${acme.id}`)).status).toBe(404);
    expect((await privateLogin.get(`/api/v1/customers/${employee.id}`)).status).toBe(404);
    expect((await privateLogin.get(`/api/v1/customers/${privateUser.id}`)).status).toBe(200);
  });

  it("answers 403 to an employee on admin-only actions and 401 without a session", async () => {
    const attempts = [
      await employeeLogin.post("/api/v1/customers", {
        type: "private",
        name: "X",
        email: "x@x.test",
        address,
      }),
      await employeeLogin.post("/api/v1/customers", {
        type: "employee",
        companyId: acme.id,
        name: "New",
        email: "new@acme.test",
        webAccess: false,
      }),
      await employeeLogin.post(`/api/v1/customers/${employee.id}/change-type`, { type: "private" }),
      await employeeLogin.post(`/api/v1/customers/${employee.id}/off-board`),
      await employeeLogin.patch(`/api/v1/customers/${employee.id}`, { webAccess: false }),
      await acmeAdmin.post(`/api/v1/customers/${employee.id}/change-type`, { type: "private" }),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
    const anonymous = await server.anonymous.get("/api/v1/customers");
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe("unauthenticated");
    const body = { type: "private", name: "Anon", email: "anon@x.test", address };
    expect((await server.anonymous.post("/api/v1/customers", body)).status).toBe(401);
  });

  it("refuses bad input with 400/413 in the error format and writes nothing", async () => {
    const before = await customerCount();
    const valid = { type: "private", name: "Bad", email: "bad@x.test", address };
    const unknownField = await admin.post("/api/v1/customers", { ...valid, shoeSize: 42 });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error.code).toBe("validation_failed");
    const wrongType = await admin.post("/api/v1/customers", { ...valid, name: 5 });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.details).toEqual([expect.objectContaining({ path: "body.name" })]);
    const badIban = await admin.post("/api/v1/customers", { ...valid, iban: "NL91ABNA0417164301" });
    expect(badIban.status).toBe(400);
    expect(badIban.body.error).toMatchObject({ code: "validation_failed", details: [{ path: "iban" }] });
    const badVat = await admin.post("/api/v1/customers", {
      ...valid,
      type: "company",
      vatNumber: "NL123",
      admin: { email: "a@bad.test", name: "A" },
    });
    expect(badVat.status).toBe(400);
    expect(badVat.body.error.details).toEqual([expect.objectContaining({ path: "vatNumber" })]);
    const malformed = await admin.raw("/api/v1/customers", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"type": "private",',
    });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.code).toBe("invalid_json");
    const huge = await admin.raw("/api/v1/customers", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...valid, name: "x".repeat(2_000_000) }),
    });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe("body_too_large");
    const duplicate = await admin.post("/api/v1/customers", { ...valid, email: "EVE@acme.test" });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe("duplicate");
    expect(await customerCount()).toBe(before);
  });

  it("searches and filters the list", async () => {
    const byName = await admin.get("/api/v1/customers?q=globex");
    expect(byName.body.items.map((c: { name: string }) => c.name).sort()).toEqual(["Gina Globex", "Globex"]);
    const byType = await admin.get(`/api/v1/customers?type=employee&companyId=${acme.id}`);
    expect(byType.body).toMatchObject({ total: 1, page: 1, items: [{ id: employee.id }] });
    const paged = await admin.get("/api/v1/customers?pageSize=2&page=2");
    expect(paged.body).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(paged.body.items).toHaveLength(2);
  });

  it("keeps customer numbers gapless: a refused creation rolls its number back", async () => {
    const refused = await admin.post("/api/v1/customers", {
      type: "private",
      name: "Twice",
      email: "paul@private.test",
      address,
    });
    expect(refused.status).toBe(409);
    const next = await admin.post("/api/v1/customers", {
      type: "private",
      name: "Next",
      email: "next@x.test",
      address,
    });
    expect(next.body.customerNumber).toBe("C000006");
  });
});
