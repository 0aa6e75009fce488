import { customers, providers } from "@voltlane/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiClient, startTestServer, type TestServer } from "../../../../../test/helpers/test-server";

const address = { city: "Delft", country: "NL" };

/** Attachments (R9), off-boarding detaching company-paid cards (R65) and tenant isolation (R4). */
describe("attachments", () => {
  let server: TestServer;
  let admin: ApiClient;
  let company: { id: string };
  let employee: { id: string };
  let other: { id: string };

  const create = async (body: unknown) => {
    const res = await admin.post("/api/v1/customers", body);
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.login(server.admin.email, server.admin.password);
    company = await create({
      type: "company",
      name: "Fleet BV",
      email: "fleet@x.test",
      address,
      admin: { email: "admin@fleet.test", name: "F", password: "fleet-password" },
    });
    employee = await create({
      type: "employee",
      companyId: company.id,
      name: "Dan Driver",
      email: "dan@fleet.test",
      webAccess: false,
    });
    other = await create({ type: "private", name: "Olivia", email: "olivia@x.test", address });
  });
  afterAll(async () => {
    await server?.close();
  });

  const attach = (customerId: string, body: unknown) =>
    admin.post(`/api/v1/customers/${customerId}/attachments`, body);

  it("attaches and detaches; detached links stay with validTo (R9)", async () => {
    const res = await attach(other.id, { assetType: "charge_point", assetId: "CP-1", role: "cp_receiver" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ assetId: "CP-1", role: "cp_receiver", validTo: null });
    const group = await attach(other.id, { assetType: "charge_group", assetId: "G-1", role: "group_member" });
    expect(group.status).toBe(201);
    const detached = await admin.delete(`/api/v1/customers/${other.id}/attachments/${res.body.id}`);
    expect(detached.status).toBe(200);
    expect(detached.body.validTo).toEqual(expect.any(String));
    expect((await admin.delete(`/api/v1/customers/${other.id}/attachments/${res.body.id}`)).status).toBe(409);
    const tab = await admin.get(`/api/v1/customers/${other.id}/attachments`);
    expect(tab.body.chargePoints).toEqual([
      expect.objectContaining({ id: res.body.id, validTo: expect.any(String) }),
    ]);
    expect(tab.body.chargeGroups).toEqual([expect.objectContaining({ assetId: "G-1", validTo: null })]);
    const audit = await admin.get(`/api/v1/audit?entityType=attachment&entityId=${res.body.id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      "attachment.detach",
      "attachment.attach",
    ]);
  });

  it("keeps at most one open link per single-valued role (409), many for group members", async () => {
    expect(
      (await attach(company.id, { assetType: "charge_card", assetId: "CARD-1", role: "card_payer" })).status,
    ).toBe(201);
    const second = await attach(other.id, {
      assetType: "charge_card",
      assetId: "CARD-1",
      role: "card_payer",
    });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("conflict");
    expect(
      (await attach(company.id, { assetType: "charge_group", assetId: "G-1", role: "group_member" })).status,
    ).toBe(201);
    const wrongRole = await attach(other.id, {
      assetType: "charge_card",
      assetId: "CARD-9",
      role: "cp_receiver",
    });
    expect(wrongRole.status).toBe(400);
    expect(
      (await attach(other.id, { assetType: "employee", assetId: employee.id, role: "employee_of" })).status,
    ).toBe(400);
  });

  it("lets only staff with the attachments capability attach", async () => {
    const companyAdmin = await server.login("admin@fleet.test", "fleet-password");
    const res = await companyAdmin.post(`/api/v1/customers/${company.id}/attachments`, {
      assetType: "grid",
      assetId: "GRID-1",
      role: "grid_viewer",
    });
    expect(res.status).toBe(403);
    expect((await companyAdmin.get(`/api/v1/customers/${company.id}/attachments`)).status).toBe(200);
    const finance = await admin.post("/api/v1/system-users", {
      email: "fin@voltlane.test",
      name: "Fin",
      roles: ["finance"],
      password: "finance-password",
    });
    expect(finance.status).toBe(201);
    const fin = await server.login("fin@voltlane.test", "finance-password");
    expect((await fin.get(`/api/v1/customers/${company.id}/attachments`)).status).toBe(200);
    expect(
      (
        await fin.post(`/api/v1/customers/${company.id}/attachments`, {
          assetType: "grid",
          assetId: "G",
          role: "grid_viewer",
        })
      ).status,
    ).toBe(403);
  });

  it("off-boarding detaches the cards the company pays for, not the employee's own (R65)", async () => {
    await attach(employee.id, { assetType: "charge_card", assetId: "CARD-1", role: "card_user" });
    await attach(employee.id, { assetType: "charge_card", assetId: "CARD-2", role: "card_user" });
    await attach(employee.id, { assetType: "charge_card", assetId: "CARD-2", role: "card_payer" });
    const res = await admin.post(`/api/v1/customers/${employee.id}/off-board`);
    expect(res.status).toBe(200);
    const cards = (await admin.get(`/api/v1/customers/${employee.id}/attachments`)).body.chargeCards;
    const open = cards.filter((c: { validTo: string | null }) => c.validTo === null);
    expect(open.map((c: { assetId: string; role: string }) => `${c.assetId}/${c.role}`).sort()).toEqual([
      "CARD-2/card_payer",
      "CARD-2/card_user",
    ]);
    const companyCards = (await admin.get(`/api/v1/customers/${company.id}/attachments`)).body;
    expect(companyCards.chargeCards).toEqual([
      expect.objectContaining({ assetId: "CARD-1", validTo: expect.any(String) }),
    ]);
    expect(companyCards.employees).toEqual([
      expect.objectContaining({ assetId: employee.id, validTo: expect.any(String) }),
    ]);
  });

  it("answers 404 for another provider's customers (R4)", async () => {
    const [foreign] = await server.core.db
      .insert(providers)
      .values({ slug: "other", name: "Other", invoicePrefix: "OTH", settings: {} as never })
      .returning();
    const [stranger] = await server.core.db
      .insert(customers)
      .values({ providerId: foreign!.id, customerNumber: "C000001", type: "private", name: "Stranger" })
      .returning();
    expect((await admin.get(`/api/v1/customers/${stranger!.id}`)).status).toBe(404);
    expect((await admin.get(`/api/v1/customers/${stranger!.id}/attachments`)).status).toBe(404);
    expect(
      (await attach(stranger!.id, { assetType: "grid", assetId: "G", role: "grid_viewer" })).status,
    ).toBe(404);
    expect((await admin.patch(`/api/v1/customers/${stranger!.id}`, { name: "Mine" })).status).toBe(404);
    expect(
      (await admin.post(`/api/v1/customers/${stranger!.id}/change-type`, { type: "company" })).status,
    ).toBe(404);
    const list = await admin.get("/api/v1/customers?q=Stranger");
    expect(list.body.total).toBe(0);
  });
});
