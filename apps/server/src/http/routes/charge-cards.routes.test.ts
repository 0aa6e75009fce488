import { attachments, auditEntries } from "@voltlane/db";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient, TestServer } from "../../../../../test/helpers/test-server";
import {
  aCustomer,
  aCustomerLogin,
  anotherProvider,
  aStaff,
  startAdminServer,
} from "./charging-assets.fixtures";

describe("charge cards over HTTP", () => {
  let server: TestServer;
  let admin: ApiClient;
  let providerId: string;
  let n = 0;
  const newCard = (extra: Record<string, unknown> = {}) => {
    n += 1;
    return admin.post("/api/v1/charge-cards", {
      externalId: `NL-VLT-${1000 + n}`,
      rfid: `04AB${1000 + n}`,
      ...extra,
    });
  };

  beforeAll(async () => {
    ({ server, admin, providerId } = await startAdminServer());
  });
  afterAll(async () => server?.close());

  it("registers inactive cards with normalised ids, unique platform-wide (R25)", async () => {
    const created = await admin.post("/api/v1/charge-cards", {
      externalId: "nl-vlt-000123-4",
      rfid: "04:a2:b1:c3",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      externalId: "NL-VLT-000123-4",
      rfid: "04A2B1C3",
      status: "inactive",
      customerId: null,
      roaming: false,
    });
    const sameRfid = await admin.post("/api/v1/charge-cards", { externalId: "OTHER-1", rfid: "04-A2-B1-C3" });
    expect(sameRfid.status).toBe(409);
    expect(sameRfid.body.error).toMatchObject({ code: "duplicate", details: { field: "rfid" } });
    const sameExternal = await admin.post("/api/v1/charge-cards", {
      externalId: " NL-VLT-000123-4",
      rfid: "FFEE01",
    });
    expect(sameExternal.body.error).toMatchObject({ code: "duplicate", details: { field: "externalId" } });
    // Another provider cannot reuse them either: unique platform-wide.
    const other = await aStaff(server, await anotherProvider(server), ["admin"]);
    expect((await other.post("/api/v1/charge-cards", { externalId: "X-1", rfid: "04a2b1c3" })).status).toBe(
      409,
    );
    expect((await admin.post("/api/v1/charge-cards", { externalId: "X-2", rfid: "not hex" })).status).toBe(
      400,
    );
  });

  it("attaches user and payer and activates; an employee's card is paid by the company (R26); detach → inactive (R27)", async () => {
    const company = await aCustomer(server, providerId, { type: "company" });
    const employee = await aCustomer(server, providerId, { type: "employee", companyId: company.id });
    const card = await newCard();
    const attached = await admin.post(`/api/v1/charge-cards/${card.body.id}/attach`, {
      customerId: employee.id,
    });
    expect(attached.body).toMatchObject({
      status: "active",
      customerId: employee.id,
      payerCustomerId: company.id,
    });
    const open = await server.core.db
      .select()
      .from(attachments)
      .where(and(eq(attachments.assetId, card.body.id), isNull(attachments.validTo)));
    expect(open.map((a) => [a.role, a.customerId]).sort()).toEqual([
      ["card_payer", company.id],
      ["card_user", employee.id],
    ]);
    const private1 = await aCustomer(server, providerId);
    const staffPayer = await admin.post(`/api/v1/charge-cards/${card.body.id}/attach`, {
      customerId: employee.id,
      payerCustomerId: private1.id,
    });
    expect(staffPayer.body.payerCustomerId).toBe(private1.id);
    const detached = await admin.post(`/api/v1/charge-cards/${card.body.id}/detach`);
    expect(detached.body).toMatchObject({ status: "inactive", customerId: null, payerCustomerId: null });
    const stillOpen = await server.core.db
      .select()
      .from(attachments)
      .where(and(eq(attachments.assetId, card.body.id), isNull(attachments.validTo)));
    expect(stillOpen).toEqual([]);
    const actions = (
      await server.core.db.select().from(auditEntries).where(eq(auditEntries.entityId, card.body.id))
    ).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["card.register", "card.attach", "card.detach"]));
  });

  it("lets user, payer or staff block; only staff unblock (R27)", async () => {
    const { customer, api: user } = await aCustomerLogin(server, providerId);
    const { api: stranger } = await aCustomerLogin(server, providerId);
    const card = await newCard({ customerId: customer.id });
    expect(card.body.status).toBe("active");
    expect(
      (await stranger.post(`/api/v1/charge-cards/${card.body.id}/block`, { reason: "lost" })).status,
    ).toBe(404);
    const blocked = await user.post(`/api/v1/charge-cards/${card.body.id}/block`, { reason: "lost" });
    expect(blocked.body).toMatchObject({ status: "blocked", blockedReason: "lost" });
    expect((await user.post(`/api/v1/charge-cards/${card.body.id}/unblock`)).status).toBe(403);
    const finance = await aStaff(server, providerId, ["finance"]);
    expect((await finance.post(`/api/v1/charge-cards/${card.body.id}/unblock`)).status).toBe(403);
    const support = await aStaff(server, providerId, ["support"]);
    expect((await support.post(`/api/v1/charge-cards/${card.body.id}/unblock`)).body).toMatchObject({
      status: "active",
      blockedReason: null,
    });
  });

  it("company admins attach unattached cards to the company or its employees and set roaming; employees cannot (R28)", async () => {
    const { customer: company, api: companyAdmin } = await aCustomerLogin(server, providerId, {
      type: "company",
    });
    const { customer: emp, api: employee } = await aCustomerLogin(server, providerId, {
      type: "employee",
      companyId: company.id,
    });
    const outsider = await aCustomer(server, providerId);
    const card = await newCard();
    expect(
      (await employee.post(`/api/v1/charge-cards/${card.body.id}/attach`, { customerId: emp.id })).status,
    ).toBe(403);
    expect(
      (await companyAdmin.post(`/api/v1/charge-cards/${card.body.id}/attach`, { customerId: outsider.id }))
        .status,
    ).toBe(403);
    expect(
      (
        await companyAdmin.post(`/api/v1/charge-cards/${card.body.id}/attach`, {
          customerId: emp.id,
          payerCustomerId: outsider.id,
        })
      ).status,
    ).toBe(403);
    // Named by the external id printed on the card, in any spelling.
    const printed = ` ${card.body.externalId.toLowerCase()}`;
    const ok = await companyAdmin.post(`/api/v1/charge-cards/${encodeURIComponent(printed)}/attach`, {
      customerId: emp.id,
    });
    expect(ok.body).toMatchObject({
      id: card.body.id,
      customerId: emp.id,
      payerCustomerId: company.id,
      status: "active",
    });
    expect(
      (await companyAdmin.patch(`/api/v1/charge-cards/${card.body.id}`, { roaming: true })).body.roaming,
    ).toBe(true);
    expect((await employee.patch(`/api/v1/charge-cards/${card.body.id}`, { roaming: false })).status).toBe(
      403,
    );
    // Already attached: a company admin cannot take it over.
    expect(
      (await companyAdmin.post(`/api/v1/charge-cards/${card.body.id}/attach`, { customerId: company.id }))
        .status,
    ).toBe(422);
    const listed = (api: ApiClient) =>
      api.get("/api/v1/charge-cards").then((r) => r.body.items.map((c: { id: string }) => c.id));
    expect(await listed(companyAdmin)).toEqual([card.body.id]);
    expect(await listed(employee)).toEqual([card.body.id]);
    expect((await admin.get("/api/v1/charge-cards")).body.total).toBeGreaterThan(3);
    const { api: stranger } = await aCustomerLogin(server, providerId);
    expect(await listed(stranger)).toEqual([]);
    expect((await stranger.get(`/api/v1/charge-cards/${card.body.id}`)).status).toBe(404);
    const other = await aStaff(server, await anotherProvider(server), ["admin"]);
    expect((await other.get(`/api/v1/charge-cards/${card.body.id}`)).status).toBe(404);
  });

  it("lets a private user claim an unattached inactive card of their provider by external id (R31)", async () => {
    const { customer, api: driver } = await aCustomerLogin(server, providerId);
    const { customer: company, api: companyAdmin } = await aCustomerLogin(server, providerId, {
      type: "company",
    });
    const free = await newCard();
    const taken = await newCard({ customerId: company.id });
    expect(
      (await companyAdmin.post("/api/v1/charge-cards/claim", { externalId: free.body.externalId })).status,
    ).toBe(403);
    expect(
      (await driver.post("/api/v1/charge-cards/claim", { externalId: taken.body.externalId })).status,
    ).toBe(404);
    const claimed = await driver.post("/api/v1/charge-cards/claim", {
      externalId: free.body.externalId.toLowerCase(),
    });
    expect(claimed.body).toMatchObject({
      id: free.body.id,
      customerId: customer.id,
      payerCustomerId: customer.id,
      status: "active",
    });
    expect(
      (await driver.post("/api/v1/charge-cards/claim", { externalId: free.body.externalId })).status,
    ).toBe(404);
    const audit = await server.core.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.action, "card.claim_refused"));
    expect(audit.length).toBeGreaterThanOrEqual(2);
    void company;
    // Rate limit: 5 claims a minute per client.
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await driver.post("/api/v1/charge-cards/claim", { externalId: "NOPE-1" })).status);
    expect(statuses).toContain(429);
  });
});
