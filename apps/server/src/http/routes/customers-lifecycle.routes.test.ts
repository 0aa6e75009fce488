import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, startTestServer, type TestServer } from "../../../../../test/helpers/test-server";

const address = { line1: "Dorpsstraat 2", city: "Utrecht", country: "NL" };

/** Type changes (R10, R11), off-boarding (R65), profile edits, logins, invitations and audit (R8). */
describe("customer lifecycle", () => {
  let server: TestServer;
  let admin: ApiClient;
  let acme: { id: string };
  let globex: { id: string };
  let paul: { id: string };
  let acmeAdmin: ApiClient;
  let paulLogin: ApiClient;

  const create = async (client: ApiClient, body: unknown) => {
    const res = await client.post("/api/v1/customers", body);
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const invitationTo = async (email: string) => {
    const outbox = await admin.get("/api/v1/outbox?pageSize=100");
    return outbox.body.items.find(
      (m: { recipientEmail: string; template: string }) =>
        m.recipientEmail === email && m.template === "invitation",
    );
  };

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login(server.admin.email, server.admin.password);
    acme = await create(admin, {
      type: "company",
      name: "Acme",
      email: "office@acme.test",
      address,
      admin: { email: "boss@acme.test", name: "Boss" },
    });
    globex = await create(admin, {
      type: "company",
      name: "Globex",
      email: "office@globex.test",
      address,
      admin: { email: "boss@globex.test", name: "G", password: "globex-password" },
    });
    paul = await create(admin, {
      type: "private",
      name: "Paul",
      email: "paul@x.test",
      address,
      password: "paul-password-1",
    });
    paulLogin = await server.login("paul@x.test", "paul-password-1");
  });
  afterAll(async () => {
    await server?.close();
  });

  it("invites a login created without a password; the e-mailed link sets it", async () => {
    const mail = await invitationTo("boss@acme.test");
    expect(mail).toMatchObject({ status: "pending", channel: "email", subject: expect.any(String) });
    const token = /token=([^\s&]+)/.exec(mail.body)?.[1];
    expect(token).toBeDefined();
    const confirmed = await server.anonymous.post("/api/v1/auth/password-reset/confirm", {
      token: decodeURIComponent(token!),
      newPassword: "acme-boss-password",
    });
    expect(confirmed.status).toBe(204);
    acmeAdmin = await server.login("boss@acme.test", "acme-boss-password");
    expect((await acmeAdmin.get("/api/v1/me")).body).toMatchObject({
      customerId: acme.id,
      roles: ["company_admin"],
    });
  });

  it("lets a company admin create, edit and switch web access of its own employees only", async () => {
    const emp = await create(acmeAdmin, {
      type: "employee",
      companyId: acme.id,
      name: "Erin",
      email: "erin@acme.test",
      webAccess: true,
    });
    expect(await invitationTo("erin@acme.test")).toBeDefined();
    const other = await acmeAdmin.post("/api/v1/customers", {
      type: "employee",
      companyId: globex.id,
      name: "Nope",
      email: "nope@globex.test",
      webAccess: false,
    });
    expect(other.status).toBe(404);
    expect(
      (await acmeAdmin.post("/api/v1/customers", { type: "private", name: "P", email: "p@p.test", address }))
        .status,
    ).toBe(403);
    const renamed = await acmeAdmin.patch(`/api/v1/customers/${emp.id}`, {
      name: "Erin E.",
      employeeNumber: "77",
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      name: "Erin E.",
      employment: { employeeNumber: "77", webAccess: true },
    });
    const off = await acmeAdmin.patch(`/api/v1/customers/${emp.id}`, { webAccess: false });
    expect(off.body.employment.webAccess).toBe(false);
    const users = await acmeAdmin.get(`/api/v1/customers/${emp.id}/users`);
    expect(users.body.items).toEqual([
      expect.objectContaining({ email: "erin@acme.test", enabled: false, passwordSet: false }),
    ]);
    expect((await acmeAdmin.patch(`/api/v1/customers/${acme.id}`, { webAccess: true })).status).toBe(400);
  });

  it("lets a customer edit its own profile and billing data, nothing else, audited with before and after", async () => {
    const res = await paulLogin.patch(`/api/v1/customers/${paul.id}`, {
      name: "Paul P.",
      phone: "+31 6 1234 5678",
      language: "nl",
      iban: "DE89 3704 0044 0532 0130 00",
      accountHolder: "P. Private",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: "Paul P.", language: "nl", iban: "DE89370400440532013000" });
    for (const body of [{ email: "new@x.test" }, { reference: "R" }, { status: "closed" }]) {
      expect((await paulLogin.patch(`/api/v1/customers/${paul.id}`, body)).status).toBe(403);
    }
    expect((await paulLogin.patch(`/api/v1/customers/${paul.id}`, { type: "company" })).status).toBe(400);
    const badIban = await paulLogin.patch(`/api/v1/customers/${paul.id}`, { iban: "DE00370400440532013000" });
    expect(badIban.body.error.details).toEqual([expect.objectContaining({ path: "iban" })]);
    expect((await paulLogin.patch(`/api/v1/customers/${globex.id}`, { name: "Mine" })).status).toBe(404);
    const audit = await admin.get(
      `/api/v1/audit?entityType=customer&entityId=${paul.id}&action=customer.update`,
    );
    expect(audit.body.total).toBe(1);
    expect(audit.body.items[0]).toMatchObject({
      actorKind: "login_user",
      before: { name: "Paul", iban: null },
      after: { name: "Paul P.", iban: "DE89370400440532013000" },
    });
  });

  it("changes type private → employee → private → company, keeping the login (R10, R11)", async () => {
    const noCompany = await admin.post(`/api/v1/customers/${paul.id}/change-type`, { type: "employee" });
    expect(noCompany.status).toBe(400);
    const toEmployee = await admin.post(`/api/v1/customers/${paul.id}/change-type`, {
      type: "employee",
      companyId: globex.id,
    });
    expect(toEmployee.status).toBe(200);
    expect(toEmployee.body).toMatchObject({
      type: "employee",
      companyId: globex.id,
      employment: { webAccess: true },
    });
    expect((await paulLogin.get("/api/v1/me")).body).toMatchObject({
      customerType: "employee",
      roles: ["employee"],
    });
    const withEmployees = await admin.post(`/api/v1/customers/${globex.id}/change-type`, { type: "private" });
    expect(withEmployees.status).toBe(422);
    expect(withEmployees.body.error).toMatchObject({ code: "business_rule", details: { rule: "R10" } });
    const same = await admin.post(`/api/v1/customers/${paul.id}/change-type`, {
      type: "employee",
      companyId: acme.id,
    });
    expect(same.status).toBe(422);
    const toPrivate = await admin.post(`/api/v1/customers/${paul.id}/change-type`, { type: "private" });
    expect(toPrivate.body).toMatchObject({ type: "private", companyId: null, employment: null });
    const links = await admin.get(`/api/v1/customers/${globex.id}/attachments`);
    expect(links.body.employees).toEqual([
      expect.objectContaining({ assetId: paul.id, validTo: expect.any(String) }),
    ]);
    const toCompany = await admin.post(`/api/v1/customers/${paul.id}/change-type`, {
      type: "company",
      cocNumber: "87654321",
      vatNumber: "BE0123456789",
    });
    expect(toCompany.body).toMatchObject({
      type: "company",
      cocNumber: "87654321",
      vatNumber: "BE0123456789",
    });
    expect((await paulLogin.get("/api/v1/me")).body.roles).toEqual(["company_admin"]);
    const audit = await admin.get(`/api/v1/audit?entityId=${paul.id}&action=customer.change_type`);
    expect(audit.body.items.map((e: { after: { type: string } }) => e.after.type)).toEqual([
      "company",
      "private",
      "employee",
    ]);
  });

  it("off-boards an employee: link ended, person becomes a private user keeping the login (R65)", async () => {
    const emp = await create(acmeAdmin, {
      type: "employee",
      companyId: acme.id,
      name: "Olga",
      email: "olga@acme.test",
      webAccess: true,
    });
    await admin.post(`/api/v1/customers/${emp.id}/users`, { email: "x@x.test", name: "X" }); // one login only
    const users = await admin.get(`/api/v1/customers/${emp.id}/users`);
    expect(users.body.items).toHaveLength(1);
    const globexAdmin = await server.login("boss@globex.test", "globex-password");
    expect((await globexAdmin.post(`/api/v1/customers/${emp.id}/off-board`)).status).toBe(404);
    const res = await acmeAdmin.post(`/api/v1/customers/${emp.id}/off-board`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: "private", companyId: null, employment: null });
    expect((await acmeAdmin.get(`/api/v1/customers/${emp.id}`)).status).toBe(404);
    const after = await admin.get(`/api/v1/customers/${emp.id}/users`);
    expect(after.body.items[0]).toMatchObject({ role: "private_user", enabled: true });
    expect((await admin.post(`/api/v1/customers/${emp.id}/off-board`)).status).toBe(422);
  });

  it("lets a company admin add another admin, and keeps at least one enabled", async () => {
    const added = await acmeAdmin.post(`/api/v1/customers/${acme.id}/users`, {
      email: "deputy@acme.test",
      name: "Deputy",
      password: "deputy-password",
    });
    expect(added.status).toBe(201);
    expect(added.body.role).toBe("company_admin");
    expect(
      (await acmeAdmin.post(`/api/v1/customers/${acme.id}/users`, { email: "DEPUTY@acme.test", name: "D" }))
        .status,
    ).toBe(409);
    expect(
      (await acmeAdmin.patch(`/api/v1/customers/${acme.id}/users/${added.body.id}`, { enabled: false }))
        .status,
    ).toBe(200);
    await expect(server.login("deputy@acme.test", "deputy-password")).rejects.toThrow(/401/);
    const users = (await acmeAdmin.get(`/api/v1/customers/${acme.id}/users`)).body.items;
    const boss = users.find((u: { email: string }) => u.email === "boss@acme.test");
    const last = await admin.patch(`/api/v1/customers/${acme.id}/users/${boss.id}`, { enabled: false });
    expect(last.status).toBe(422);
  });
});
